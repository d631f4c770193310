/// Boxes drawn over the panes: the State picker, the export menu and the help screen.
enum Overlays {
    struct Box {
        var row: Int, column: Int, width: Int, height: Int
        var innerLimit: Int { column + width - 1 }
    }

    /// A framed box centred on the screen, as large as asked but never larger than the screen.
    static func box(_ title: String, width: Int, height: Int, _ screen: inout ScreenBuffer) -> Box {
        let size = screen.size
        let w = max(4, min(width, size.width - 2)), h = max(3, min(height, size.height - 2))
        let box = Box(row: (size.height - h) / 2, column: (size.width - w) / 2, width: w, height: h)
        // A box as wide as the screen allows blanks its rows whole: no cut row ends beside it.
        let wholeRows = w >= size.width - 2
        for row in box.row..<(box.row + h) { screen.fill(row: row, from: wholeRows ? 0 : box.column, to: wholeRows ? size.width : box.column + w, style: .plain) }
        let horizontal = String(repeating: "─", count: w - 2)
        screen.put("┌" + horizontal + "┐", row: box.row, column: box.column, style: .heading)
        screen.put("└" + horizontal + "┘", row: box.row + h - 1, column: box.column, style: .heading)
        for row in (box.row + 1)..<(box.row + h - 1) {
            screen.put("│", row: row, column: box.column, style: .heading)
            screen.put("│", row: row, column: box.column + w - 1, style: .heading)
        }
        screen.put(" \(title) ", row: box.row, column: box.column + 2, style: .heading, limit: box.innerLimit)
        return box
    }

    static func statePicker(_ picker: StatePicker, _ state: WorkbenchState, _ screen: inout ScreenBuffer) {
        let box = box("Recommending State", width: 60, height: screen.size.height - 4, &screen)
        let inner = box.column + 2
        screen.put("> " + picker.query, row: box.row + 1, column: inner, style: .heading, limit: box.innerLimit)
        let summary = picker.matches.isEmpty ? "no State matches" : "\(picker.matches.count) of \(state.allStates.count) States"
        screen.put(summary, row: box.row + 2, column: inner, style: .faint, limit: box.innerLimit)
        let rows = max(0, box.height - 4)
        let top = max(0, min(picker.selection - rows + 1, picker.matches.count - rows))
        for (offset, matchIndex) in picker.matches.dropFirst(top).prefix(rows).enumerated() {
            let entry = state.allStates[matchIndex]
            let selected = top + offset == picker.selection
            let row = box.row + 3 + offset
            if selected { screen.fill(row: row, from: box.column + 1, to: box.innerLimit, style: .selected) }
            let count = "\(entry.count)"
            let countColumn = box.innerLimit - 1 - DisplayText.width(of: count)
            screen.put(entry.name, row: row, column: inner, style: selected ? .selected : .plain, limit: countColumn - 1)
            screen.put(count, row: row, column: countColumn, style: selected ? .selected : .faint, limit: box.innerLimit)
        }
    }

    static func exportMenu(_ state: WorkbenchState, _ screen: inout ScreenBuffer) {
        let bindings = state.keys.bindings(in: .exportMenu)
        let box = box("Export", width: 70, height: bindings.count + 4, &screen)
        screen.put("\(state.visible.count) recommendations in view. Files go beside the ledger.",
                   row: box.row + 1, column: box.column + 2, style: .faint, limit: box.innerLimit)
        for (offset, binding) in bindings.enumerated() {
            let keys = binding.keys.map(\.name).joined(separator: "/")
            screen.put("\(keys)  \(binding.help)", row: box.row + 3 + offset, column: box.column + 2, limit: box.innerLimit)
        }
    }

    /// Generated from the binding table, mode by mode; a help text too long for `width` wraps
    /// under itself.
    static func helpLines(_ keys: KeyMap, width: Int = 88) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Keys in force (defaults, with your keys file applied)", .heading), ("", .plain)]
        func entry(_ keys: String, _ help: String) {
            let column = 24
            let padded = "  " + keys + String(repeating: " ", count: max(1, column - 2 - DisplayText.width(of: keys)))
            let first = DisplayText.width(of: padded)
            let wrapped = DisplayText.wrap(help, to: max(10, width - max(column, first)))
            lines.append((padded + (wrapped.first ?? ""), .plain))
            for more in wrapped.dropFirst() { lines.append((String(repeating: " ", count: column) + more, .plain)) }
        }
        for mode in ModeKind.allCases {
            lines.append((mode.rawValue, .heading))
            for binding in keys.bindings(in: mode) {
                let names = binding.command == .count ? "1-9 0" : binding.keys.map(\.name).joined(separator: " ")
                entry(names, binding.help)
            }
            if mode == .statePicker || mode == .noteEditor || mode == .prompt { lines.append(("  (other keys type text)", .faint)) }
            if mode == .prompt {
                for spec in CommandLineLogic.specs {
                    entry(":" + spec.name + (spec.argument.isEmpty ? "" : " " + spec.argument), spec.help)
                }
            }
            lines.append(("", .plain))
        }
        return lines
    }

    /// The columns a help line has in the box at this size.
    static func helpTextWidth(_ size: Size) -> Int { max(4, min(92, size.width - 2)) - 3 }

    static func help(scroll: Int, _ state: WorkbenchState, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let lines = helpLines(state.keys, width: helpTextWidth(layout.size))
        let box = box("Help: j/k PgDn/PgUp scroll, / searches, q closes", width: 92, height: layout.size.height - 2, &screen)
        let rows = box.height - 2
        let top = min(scroll, max(0, lines.count - rows))
        for (offset, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            screen.put(line.0, row: box.row + 1 + offset, column: box.column + 2, style: line.1, limit: box.innerLimit)
            Highlighter.apply(state.helpSearch?.term, text: line.0, row: box.row + 1 + offset, column: box.column + 2, limit: box.innerLimit, &screen)
        }
    }
}
