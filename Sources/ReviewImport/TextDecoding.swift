import Foundation

/// Turns the bytes of a text file into a String: UTF-8 when the bytes are valid UTF-8, else the
/// legacy encoding they fit (Windows-1252/Latin-1, or Mac Roman, which the UPR Info exports use).
enum TextDecoding {
    static func decode(_ data: Data, file: String) throws -> String {
        if data.isEmpty { throw ImportError.empty(file: file) }
        // Read from the file's bytes in place (no copy of them first): valid UTF-8 is the common case.
        let utf8 = try data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            if looksBinary(bytes) { throw ImportError.binary(file: file) }
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return String(validating: UnsafeBufferPointer(rebasing: bytes[bom...]), as: UTF8.self)
        }
        if let utf8 { return utf8 }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return (looksMacRoman(bytes) ? LegacyEncoding.macRoman : .windows1252).decode(bytes)
    }

    /// Mac Roman puts accented lower-case letters at 0x80–0x9F, which Windows-1252 uses for
    /// punctuation, and punctuation at 0xC0–0xFF, where Windows-1252 has accented letters. So a
    /// high byte that follows a letter (`Habr\u{8E}`, `Hiss\u{8F}ne`) tells which one it is.
    static func looksMacRoman(_ bytes: [UInt8]) -> Bool {
        var mac = 0, windows = 0
        bytes.withUnsafeBufferPointer { buffer in
            for index in 1..<max(buffer.count, 1) where buffer[index] >= 0x80 {
                let previous = buffer[index - 1] | 0x20
                guard previous >= 0x61 && previous <= 0x7A else { continue }
                let byte = buffer[index]
                // Windows-1252 quotes, apostrophe, dashes and ellipsis often follow a letter too: no evidence.
                let windowsPunctuation = byte == 0x85 || (byte >= 0x91 && byte <= 0x94) || byte == 0x96 || byte == 0x97
                if byte < 0xA0, !windowsPunctuation { mac += 1 }
                if byte >= 0xC0, byte != 0xD7, byte != 0xF7 { windows += 1 }
            }
        }
        return mac > windows
    }

    /// The same test on bytes, before decoding: control bytes are the same in every encoding here.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { looksBinary($0) }
    }

    static func looksBinary(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var odd = 0
        for index in 0..<buffer.count where buffer[index] < 0x20 {
            let byte = buffer[index]
            if byte == 0 { return true }
            if byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { odd += 1 }
        }
        return odd * 100 > buffer.count
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
