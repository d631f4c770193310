import Foundation

/// Reads the filter language, in the manner of mutt's and tig's limits:
///
///     query   = [ or ] ;
///     or      = and { "or" and } ;
///     and     = unary { [ "and" ] unary } ;            (juxtaposition is "and")
///     unary   = ( "not" | "-" ) unary | primary ;
///     primary = "(" or ")" | key ":" value | word | quoted ;
///     value   = word | quoted ;
///     quoted  = '"' { char | '\"' | '\\' } '"' ;
///
/// so `not` binds tighter than `and`, and `and` tighter than `or`. Keywords are case-insensitive;
/// a `-` opens a negation only at the start of a term (`e-mail` is one word). The keys and their
/// values are read by `FilterTermReader`.
struct FilterQueryParser {
    enum Kind: Equatable {
        case open, close, negate, and, or, not
        /// A bare word or a "quoted phrase": text to look for.
        case text(String)
        /// `key:value`, with where the value starts (for errors about it).
        case keyed(key: String, value: String, valueOffset: Int)
    }

    struct Token {
        var kind: Kind
        var offset: Int
    }

    private let states: StateDirectory
    private let length: Int
    private var tokens: [Token] = []
    private var next = 0

    init(_ text: String, states: StateDirectory) {
        self.states = states
        let characters = Array(text)
        self.length = characters.count
        self.tokens = []
        self.tokenError = nil
        do { tokens = try Self.tokenize(characters) } catch { tokenError = error as? FilterSyntaxError }
    }

    /// A tokenizing error is kept and thrown by `parse`, which is where callers expect errors.
    private var tokenError: FilterSyntaxError?

    mutating func parse() throws -> FilterQuery {
        if let tokenError { throw tokenError }
        guard !tokens.isEmpty else { return .all }
        let query = try parseOr(after: nil)
        if let extra = peek {
            // Everything that can start a term was taken by `parseAnd`: only a ')' is left.
            throw FilterSyntaxError(message: extra.kind == .close ? "unexpected ')'" : "unexpected text", offset: extra.offset)
        }
        return query
    }

    // MARK: Grammar

    private var peek: Token? { next < tokens.count ? tokens[next] : nil }

    private mutating func take() -> Token {
        defer { next += 1 }
        return tokens[next]
    }

    private mutating func parseOr(after: String?) throws -> FilterQuery {
        var query = try parseAnd(after: after)
        while peek?.kind == .or {
            _ = take()
            query = .or(query, try parseAnd(after: "or"))
        }
        return query
    }

    private mutating func parseAnd(after: String?) throws -> FilterQuery {
        var query = try parseUnary(after: after)
        while let token = peek {
            switch token.kind {
            case .and:
                _ = take()
                query = .and(query, try parseUnary(after: "and"))
            case .open, .negate, .not, .text, .keyed:
                query = .and(query, try parseUnary(after: nil))
            case .close, .or:
                return query
            }
        }
        return query
    }

    private mutating func parseUnary(after: String?) throws -> FilterQuery {
        switch peek?.kind {
        case .not?:
            _ = take()
            return .not(try parseUnary(after: "not"))
        case .negate?:
            _ = take()
            return .not(try parseUnary(after: "-"))
        default:
            return try parsePrimary(after: after)
        }
    }

    private mutating func parsePrimary(after: String?) throws -> FilterQuery {
        guard let token = peek else {
            throw FilterSyntaxError(message: after.map { "expected a term after '\($0)'" } ?? "expected a term", offset: length)
        }
        switch token.kind {
        case .open:
            _ = take()
            let inner = try parseOr(after: "(")
            guard peek?.kind == .close else {
                throw FilterSyntaxError(message: "expected ')'", offset: peek?.offset ?? length)
            }
            _ = take()
            return inner
        case let .text(text):
            _ = take()
            return .term(try FilterTermReader.term(key: "text", value: text, offset: token.offset, keyOffset: token.offset, states: states))
        case let .keyed(key, value, valueOffset):
            _ = take()
            return .term(try FilterTermReader.term(key: key, value: value, offset: valueOffset, keyOffset: token.offset, states: states))
        case .close, .and, .or, .not, .negate:
            let word = token.kind == .close ? ")" : token.kind == .and ? "and" : "or"
            throw FilterSyntaxError(message: after.map { "expected a term after '\($0)'" } ?? "expected a term before '\(word)'", offset: token.offset)
        }
    }

    // MARK: Tokens

    private static func tokenize(_ characters: [Character]) throws -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < characters.count {
            let character = characters[i]
            switch character {
            case _ where character.isWhitespace:
                i += 1
            case "(":
                tokens.append(Token(kind: .open, offset: i)); i += 1
            case ")":
                tokens.append(Token(kind: .close, offset: i)); i += 1
            case "-":
                tokens.append(Token(kind: .negate, offset: i)); i += 1
            case "\"":
                let (phrase, end) = try quoted(characters, at: i)
                tokens.append(Token(kind: .text(phrase), offset: i)); i = end
            default:
                let start = i
                while i < characters.count, !ends(characters[i]), characters[i] != ":" { i += 1 }
                let head = String(characters[start..<i])
                if i < characters.count, characters[i] == ":", !head.isEmpty, head.allSatisfy(\.isLetter) {
                    // `key:value` or `key:"quoted value"`.
                    let valueOffset = i + 1
                    let value: String
                    if valueOffset < characters.count, characters[valueOffset] == "\"" {
                        (value, i) = try quoted(characters, at: valueOffset)
                    } else {
                        i = valueOffset
                        while i < characters.count, !ends(characters[i]) { i += 1 }
                        value = String(characters[valueOffset..<i])
                    }
                    tokens.append(Token(kind: .keyed(key: head.lowercased(), value: value, valueOffset: valueOffset), offset: start))
                    continue
                }
                while i < characters.count, !ends(characters[i]) { i += 1 }
                let word = String(characters[start..<i])
                let kind: Kind = switch word.lowercased() {
                case "and": .and
                case "or": .or
                case "not": .not
                // The national plan's actions past their day (`due:overdue`); "overdue" quoted is text.
                case "overdue": .keyed(key: "due", value: "overdue", valueOffset: start)
                default: .text(word)
                }
                tokens.append(Token(kind: kind, offset: start))
            }
        }
        return tokens
    }

    /// What ends an unquoted word.
    private static func ends(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }

    /// The phrase between the quote at `start` and its closing quote (`\"` and `\\` escape),
    /// and the offset just after it.
    private static func quoted(_ characters: [Character], at start: Int) throws -> (String, Int) {
        var phrase = ""
        var i = start + 1
        while i < characters.count {
            switch characters[i] {
            case "\"": return (phrase, i + 1)
            case "\\" where i + 1 < characters.count: phrase.append(characters[i + 1]); i += 2
            default: phrase.append(characters[i]); i += 1
            }
        }
        throw FilterSyntaxError(message: "unterminated quote", offset: start)
    }
}
