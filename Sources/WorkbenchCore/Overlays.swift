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
        for row in box.row..<(box.row + h) { screen.fill(row: row, from: box.column, to: box.column + w, style: .plain) }
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

    /// Generated from the binding table, mode by mode.
    static func helpLines(_ keys: KeyMap) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Keys in force (defaults, with your keys file applied)", .heading), ("", .plain)]
        for mode in ModeKind.allCases {
            lines.append((mode.rawValue, .heading))
            for binding in keys.bindings(in: mode) {
                let keys = binding.keys.map(\.name).joined(separator: " ")
                let padded = keys + String(repeating: " ", count: max(1, 22 - DisplayText.width(of: keys)))
                lines.append(("  " + padded + binding.help, .plain))
            }
            if mode == .statePicker || mode == .noteEditor || mode == .prompt { lines.append(("  (other keys type text)", .faint)) }
            if mode == .prompt {
                for spec in CommandLineLogic.specs {
                    let usage = ":" + spec.name + (spec.argument.isEmpty ? "" : " " + spec.argument)
                    lines.append(("  " + usage + String(repeating: " ", count: max(1, 22 - DisplayText.width(of: usage))) + spec.help, .plain))
                }
            }
            lines.append(("", .plain))
        }
        return lines
    }

    static func help(scroll: Int, _ keys: KeyMap, _ layout: Layout, _ screen: inout ScreenBuffer) {
        let lines = helpLines(keys)
        let box = box("Help: j/k scroll, q closes", width: 92, height: layout.size.height - 2, &screen)
        let rows = box.height - 2
        let top = min(scroll, max(0, lines.count - rows))
        for (offset, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            screen.put(line.0, row: box.row + 1 + offset, column: box.column + 2, style: line.1, limit: box.innerLimit)
        }
    }
}
