import Foundation
import ReviewModel
import ZIPFoundation

/// The smallest WordprocessingML package Word and LibreOffice open without repair: content types,
/// package and document relationships, the document, its styles, a running header (the symbol,
/// from the second page, as UN documents have it), a footer with the page number, and the core
/// properties (title), zipped with ZIPFoundation in memory. Nothing is copied from a
/// template: every part is written here.
enum DocxPackage {
    static let wordML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A4 with 2 cm margins: the text is 9,638 twips wide (14,570 on a landscape page).
    static let textWidth = 9_638
    static let landscapeTextWidth = 14_570

    /// `landscape`: for a matrix of many columns (the national plan), as such plans are printed.
    static func data(title: String, header: String, body: [WordBlock], modified: Date, landscape: Bool = false) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", core(title: title, modified: modified)),
            ("word/document.xml", document(body, landscape: landscape)),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", DocxStyles.xml),
            ("word/header1.xml", headerXML(header)),
            ("word/footer1.xml", footerXML),
        ]
        return try OfficeZip.data(parts, modified: modified)
    }

    static let contentTypes = XLSXPackage.header
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + "</Types>"

    static let rootRelationships = XLSXPackage.header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static let documentRelationships = XLSXPackage.header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(officeRelationships)/footer\" Target=\"footer1.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(officeRelationships)/header\" Target=\"header1.xml\"/>"
        + "</Relationships>"

    static func core(title: String, modified: Date) -> String {
        XLSXPackage.header
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(Markup.escape(title))</dc:title>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(Timestamp.iso(modified))</dcterms:modified>"
            + "</cp:coreProperties>"
    }

    /// One block a line, so that a diff of two exports reads paragraph by paragraph.
    static func document(_ body: [WordBlock], landscape: Bool = false) -> String {
        var out = XLSXPackage.header + "<w:document xmlns:w=\"\(wordML)\" xmlns:r=\"\(officeRelationships)\">\n<w:body>\n"
        for block in body { out += block.xml + "\n" }
        let page = landscape ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        out += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"default\" r:id=\"rId2\"/>" + page
        out += "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>\n"
        return out + "</w:body>\n</w:document>\n"
    }

    /// The symbol alone on the right, as UN documents repeat it (not on the first page: `titlePg`).
    static func headerXML(_ text: String) -> String {
        XLSXPackage.header + "<w:hdr xmlns:w=\"\(wordML)\" xmlns:r=\"\(officeRelationships)\">"
            + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(Markup.escape(text))</w:t></w:r></w:p></w:hdr>"
    }

    /// The page number, alone and centred, on every page.
    static let footerXML = XLSXPackage.header + "<w:ftr xmlns:w=\"\(wordML)\" xmlns:r=\"\(officeRelationships)\">"
        + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"
}

/// The paragraph styles, in the manner of UN documents: Times New Roman 10 pt, bold headings.
enum DocxStyles {
    static func paragraph(_ id: String, _ name: String, size: Int? = nil, bold: Bool = false, before: Int = 0, after: Int = 120,
                          keepNext: Bool = false, justified: Bool = false) -> String {
        var out = "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
        out += "<w:pPr>" + (keepNext ? "<w:keepNext/>" : "") + "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>" + (justified ? "<w:jc w:val=\"both\"/>" : "") + "</w:pPr>"
        out += "<w:rPr>" + (bold ? "<w:b/>" : "") + (size.map { "<w:sz w:val=\"\($0)\"/><w:szCs w:val=\"\($0)\"/>" } ?? "") + "</w:rPr>"
        return out + "</w:style>"
    }

    static let xml = XLSXPackage.header + "<w:styles xmlns:w=\"\(DocxPackage.wordML)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
        + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + paragraph("Masthead", "UPR masthead", after: 0)
        + paragraph("Symbol", "UPR symbol", size: 40, bold: false, after: 0)
        + paragraph("Session", "UPR session", after: 0)
        + paragraph("Title", "UPR title", size: 34, bold: true, before: 360, after: 240)
        + paragraph("Subtitle", "UPR subtitle", size: 24, bold: true, before: 120, after: 240)
        + paragraph("Heading1", "UPR heading", size: 24, bold: true, before: 360, after: 120, keepNext: true)
        + paragraph("Heading2", "UPR subheading", size: 20, bold: true, before: 240, after: 120, keepNext: true)
        + paragraph("Body", "UPR body", justified: true)
        + paragraph("ExplanationIDs", "UPR explanation IDs", bold: true, before: 120, after: 60, keepNext: true)
        + paragraph("Draft", "UPR draft warning", size: 24, bold: true, before: 120, after: 240)
        + paragraph("TableText", "UPR table text", size: 18, after: 40)
        + paragraph("Footer", "UPR footer", size: 16, after: 0)
        + "</w:styles>"
}
