import Foundation
import ZIPFoundation

/// The smallest Office Open XML workbook Excel and LibreOffice open without repair: content
/// types, the package and workbook relationships, the workbook, styles and one part per sheet,
/// zipped with ZIPFoundation in memory.
enum XLSXPackage {
    static func data(_ sheets: [XLSXSheet], modified: Date) throws -> Data {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml(selected: index == 0)))
        }
        return try OfficeZip.data(parts, modified: modified)
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(count: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (0..<count).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "</Types>"
    }

    static let packageRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ sheets: [XLSXSheet]) -> String {
        var out = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(Markup.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets>"
        // Excel keeps each sheet's filter range under this hidden name; without it some versions
        // show the filter buttons but do not sort.
        out += "<definedNames>" + sheets.enumerated().map { index, sheet in
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            var names = ""
            if sheet.autoFilter {
                let range = sheet.filterRange.split(separator: ":").map { absolute(String($0)) }.joined(separator: ":")
                names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(Markup.escape(quoted + "!" + range))</definedName>"
            }
            // The header row printed again at the top of every page.
            return names + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(Markup.escape(quoted + "!$1:$1"))</definedName>"
        }.joined() + "</definedNames>"
        return out + "</workbook>"
    }

    /// `B7` → `$B$7`.
    static func absolute(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$\(letters)$\(reference.dropFirst(letters.count))"
    }

    static func workbookRelationships(count: Int) -> String {
        var out = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<count {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Cell formats in the order of `XLSXSheet.Style`: plain, bold header, wrapped text at the
    /// top, whole percent, text at the top.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
