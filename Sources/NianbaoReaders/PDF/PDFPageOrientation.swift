/// Turns a page's characters upright. poppler gives their boxes as the page is shown, so a page
/// stored turned (`/Rotate 90`, a landscape table) has its lines running down or up the page. The
/// way the characters of a word advance tells the turn; the boxes are turned back so that every
/// line runs left to right and lines follow top to bottom.
enum PDFPageOrientation {
    enum Turn { case upright, quarter, half, threeQuarters }

    /// The page with its characters turned upright (its width and height too when they swap).
    static func upright(_ page: PDFPageText) -> PDFPageText {
        let turn = detect(page.glyphs)
        guard turn != .upright else { return page }
        var turned = page
        let (w, h) = (page.width, page.height)
        turned.glyphs = page.glyphs.map { g in
            var u = g
            switch turn {
            case .upright: break
            case .quarter: (u.x0, u.x1, u.y0, u.y1) = (g.y0, g.y1, w - g.x1, w - g.x0)
            case .half: (u.x0, u.x1, u.y0, u.y1) = (w - g.x1, w - g.x0, h - g.y1, h - g.y0)
            case .threeQuarters: (u.x0, u.x1, u.y0, u.y1) = (h - g.y1, h - g.y0, g.x0, g.x1)
            }
            return u
        }
        if turn == .quarter || turn == .threeQuarters { (turned.width, turned.height) = (h, w) }
        return turned
    }

    /// Which way most neighbouring characters of one word advance: right (upright), down (turned a
    /// quarter), left (half) or up (three quarters).
    static func detect(_ glyphs: [PDFGlyph]) -> Turn {
        var votes: [Turn: Int] = [:]
        for (a, b) in zip(glyphs, glyphs.dropFirst()) where !a.scalar.isSpace && !b.scalar.isSpace {
            let dx = (b.x0 + b.x1 - a.x0 - a.x1) / 2, dy = (b.y0 + b.y1 - a.y0 - a.y1) / 2
            let size = max(a.x1 - a.x0, a.y1 - a.y0, 1)
            // Neighbours in one word sit about a character apart; a line break jumps further.
            guard (dx * dx + dy * dy).squareRoot() < size * 2 else { continue }
            let turn: Turn = abs(dx) >= abs(dy) ? (dx >= 0 ? .upright : .half) : (dy >= 0 ? .quarter : .threeQuarters)
            votes[turn, default: 0] += 1
        }
        return votes.max { $0.value < $1.value }?.key ?? .upright
    }
}
