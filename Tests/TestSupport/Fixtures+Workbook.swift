import Foundation
import ZIPFoundation

extension Fixtures {
    /// The smallest workbook a reader accepts, written at `url`: one sheet « S » whose first
    /// row is `a`, `b` (inline strings), then `rows` as written (the rest of the sheet's XML,
    /// closing tags included or left out on purpose), and `sharedStrings` as its shared-string part.
    public static func workbook(at url: URL, rows: String, sharedStrings: String? = nil) throws {
        let archive = try Archive(url: url, accessMode: .create)
        var entries = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>"# + rows),
        ]
        if let sharedStrings { entries.append(("xl/sharedStrings.xml", sharedStrings)) }
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
