import Foundation

/// Turns the bytes of a text file into a String: UTF-8 when the bytes are valid UTF-8, else the
/// legacy encoding they fit (Windows-1252/Latin-1, or Mac OS Roman, which UPR Info exports use).
enum TextDecoding {
    static func decode(_ data: Data, file: String) throws -> String {
        if data.isEmpty { throw ImportError.empty(file: file) }
        if data.prefix(8192).contains(0) { throw ImportError.binary(file: file) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if looksMacRoman(bytes), let mac = String(data: Data(bytes), encoding: .macOSRoman) {
            text = mac
        } else {
            // Windows-1252 leaves five bytes undefined; Latin-1 takes any byte.
            text = String(data: Data(bytes), encoding: .windowsCP1252)
                ?? String(String.UnicodeScalarView(bytes.map(Unicode.Scalar.init)))
        }
        if looksBinary(text) { throw ImportError.binary(file: file) }
        return text
    }

    /// Mac Roman puts accented lower-case letters at 0x80–0x9F, which Windows-1252 uses for
    /// punctuation, and punctuation at 0xC0–0xFF, where Windows-1252 has accented letters. So a
    /// high byte that follows a letter (`Habr\u{8E}`, `Hiss\u{8F}ne`) tells which one it is.
    static func looksMacRoman(_ bytes: [UInt8]) -> Bool {
        // Windows-1252 quotes, apostrophe, dashes and ellipsis often follow a letter too: not evidence.
        let windowsPunctuation: Set<UInt8> = [0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97]
        var mac = 0, windows = 0
        for index in bytes.indices.dropFirst() where bytes[index] >= 0x80 {
            let previous = bytes[index - 1] | 0x20
            guard previous >= 0x61 && previous <= 0x7A else { continue }
            let byte = bytes[index]
            if byte < 0xA0, !windowsPunctuation.contains(byte) { mac += 1 }
            if byte >= 0xC0, byte != 0xD7, byte != 0xF7 { windows += 1 }
        }
        return mac > windows
    }

    /// Control characters other than tab, line breaks and form feed, or replacement characters,
    /// in more than 1 in 100 characters (or any NUL): not text.
    static func looksBinary(_ text: String) -> Bool {
        var odd = 0, total = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar.value == 0 { return true }
            if (scalar.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(scalar.value)) || scalar == "\u{FFFD}" { odd += 1 }
        }
        return odd * 100 > total
    }
}
