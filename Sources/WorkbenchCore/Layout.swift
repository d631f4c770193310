/// Where each part of the screen goes at a given size. Shared by the reducer (page size, scrolling)
/// and the render, so that they never disagree.
public struct Layout: Equatable, Sendable {
    public struct Rect: Equatable, Sendable {
        public var row: Int, column: Int, width: Int, height: Int
    }

    public static let minimum = Size(width: 40, height: 10)

    public let size: Size
    public let list: Rect
    public let detail: Rect
    /// Side by side (wide terminals) or list above detail.
    public let sideBySide: Bool
    /// The list alone, the detail pane hidden.
    public let detailHidden: Bool

    /// `detailHidden`: the list takes the whole body (`w`), for reading long texts in the rows.
    public init(_ size: Size, detailHidden: Bool = false) {
        self.size = size
        self.detailHidden = detailHidden
        let bodyTop = 1
        let bodyHeight = max(0, size.height - 3)  // header, status line, footer
        sideBySide = size.width >= 100 && !detailHidden
        if detailHidden {
            list = Rect(row: bodyTop, column: 0, width: size.width, height: bodyHeight)
            detail = Rect(row: bodyTop + bodyHeight, column: 0, width: size.width, height: 0)
        } else if sideBySide {
            let listWidth = size.width * 11 / 20
            list = Rect(row: bodyTop, column: 0, width: listWidth, height: bodyHeight)
            detail = Rect(row: bodyTop, column: listWidth + 1, width: size.width - listWidth - 1, height: bodyHeight)
        } else {
            let listHeight = max(1, bodyHeight * 2 / 5)
            list = Rect(row: bodyTop, column: 0, width: size.width, height: listHeight)
            detail = Rect(row: bodyTop + listHeight + 1, column: 0, width: size.width, height: max(0, bodyHeight - listHeight - 1))
        }
    }

    public var tooSmall: Bool { size.width < Layout.minimum.width || size.height < Layout.minimum.height }
    public var statusRow: Int { size.height - 2 }
    public var footerRow: Int { size.height - 1 }
    /// Rows the list shows: the page size.
    public var listRows: Int { max(1, list.height) }

}
