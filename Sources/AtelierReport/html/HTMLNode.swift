/// A piece of an HTML page in which text is escaped by construction: a text node or an
/// attribute value cannot become markup, whatever it holds. Only `trusted` inserts markup as is,
/// for what Atelier itself drew (an SVG chart, a QR code).
public struct HTMLNode: Sendable {
    private enum Content: Sendable {
        case element(name: String, attributes: [(String, String)], children: [HTMLNode], end: End)
        case text(String)
        case trusted(String)
        case fragment([HTMLNode])
    }

    /// How an element ends: a closing tag, nothing (HTML's void elements), or `/>` (an SVG shape).
    private enum End: Sendable {
        case tag, none, selfClosing

        static func of(_ name: String) -> End { ["input", "meta", "link", "img", "br"].contains(name) ? .none : .tag }
    }

    private let content: Content

    private init(_ content: Content) {
        self.content = content
    }

    /// An element; `attributes` keep their order. Void elements (`input`, `meta`, `link`, `img`,
    /// `br`) have no closing tag.
    public static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: children, end: .of(name)))
    }

    /// An SVG shape without content, written `<line …/>`.
    public static func shape(_ name: String, _ attributes: KeyValuePairs<String, String>) -> HTMLNode {
        HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: [], end: .selfClosing))
    }

    /// An element whose attributes are computed (optional ones left out with nil).
    public static func element(_ name: String, attributes: [(String, String?)], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(.element(name: name, attributes: attributes.compactMap { key, value in value.map { (key, $0) } }, children: children, end: .of(name)))
    }

    public static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

    /// Markup Atelier drew itself; never a user's text.
    public static func trusted(_ markup: String) -> HTMLNode { HTMLNode(.trusted(markup)) }

    public static func fragment(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(.fragment(nodes)) }

    /// A line break between elements, so that the page reads line by line as source.
    public static let newline = text("\n")

    /// A `section` opening with its `h2` title, then a line break.
    public static func section(_ title: String, _ content: [HTMLNode], class name: String? = nil) -> HTMLNode {
        .fragment([.element("section", attributes: [("class", name)], [.element("h2", [:], [.text(title)]), newline] + content), newline])
    }

    public var rendered: String {
        switch content {
        case .text(let text): HTML.escape(text)
        case .trusted(let markup): markup
        case .fragment(let nodes): nodes.map(\.rendered).joined()
        case .element(let name, let attributes, let children, let end):
            "<\(name)" + attributes.map { " \($0.0)=\"\(HTML.escape($0.1))\"" }.joined()
                + (end == .selfClosing ? "/>" : ">") + (end == .tag ? children.map(\.rendered).joined() + "</\(name)>" : "")
        }
    }

    /// A whole page: doctype, language, title, stylesheet and scripts of the site itself.
    public static func page(language: String, title: String, stylesheets: [String], scripts: [String], body: [HTMLNode]) -> String {
        "<!DOCTYPE html>\n" + element("html", ["lang": language], [
            element("head", [:], [
                element("meta", ["charset": "utf-8"]),
                element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                element("title", [:], [text(title)]),
            ] + stylesheets.map { element("link", ["rel": "stylesheet", "href": $0]) }
              + scripts.map { element("script", ["src": $0, "defer": "defer"]) }),
            element("body", [:], body),
        ]).rendered + "\n"
    }
}
