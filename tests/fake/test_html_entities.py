import pytest

from tests.support.fake_telegram import EntityParseError, parse_html, utf16_len


def test_plain_text_passes_through() -> None:
    assert parse_html("hello\nworld > 3") == ("hello\nworld > 3", [])


def test_basic_tags_and_aliases() -> None:
    text, entities = parse_html(
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins>"
        "<s>s</s><strike>k</strike><del>d</del><tg-spoiler>p</tg-spoiler>"
        '<span class="tg-spoiler">q</span>'
    )
    assert text == "bsieunskdpq"
    assert [e["type"] for e in entities] == [
        "bold",
        "bold",
        "italic",
        "italic",
        "underline",
        "underline",
        "strikethrough",
        "strikethrough",
        "strikethrough",
        "spoiler",
        "spoiler",
    ]
    assert [e["offset"] for e in entities] == list(range(11))
    assert all(e["length"] == 1 for e in entities)


def test_tags_are_case_insensitive_and_nested_sorted() -> None:
    text, entities = parse_html("<B>bold <I>both</I></B> tail")
    assert text == "bold both tail"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 9},
        {"type": "italic", "offset": 5, "length": 4},
    ]


def test_offsets_are_utf16_code_units() -> None:
    text, entities = parse_html("😀 <b>x😀y</b> é<i>z</i>")
    assert text == "😀 x😀y éz"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "italic", "offset": 9, "length": 1},
    ]
    assert utf16_len("😀") == 2
    assert utf16_len(text) == 10


def test_named_entities() -> None:
    assert parse_html("<b>&amp;Co</b>") == ("&Co", [{"type": "bold", "offset": 0, "length": 3}])
    assert parse_html("&lt;b&gt; &quot;q&quot;")[0] == '<b> "q"'
    # only four named entities are known; others stay literally
    assert parse_html("a&nbsp;b &copy;")[0] == "a&nbsp;b &copy;"
    # the semicolon is optional, a bare & is literal
    assert parse_html("&amp &ampx & ;")[0] == "& &ampx & ;"


def test_numeric_entities() -> None:
    assert parse_html("&#65;&#x42;&#128512;")[0] == "AB😀"
    assert parse_html("&#0; &#xZZ;")[0] == "&#0; &#xZZ;"


def test_links_and_mentions() -> None:
    text, entities = parse_html(
        "<a href='https://example.com/x?a=1&amp;b=2'>site</a> "
        '<a href="tg://user?id=42">Ann</a> <a href=tg-no-scheme>z</a>'
    )
    assert text == "site Ann z"
    assert entities[0] == {
        "type": "text_link",
        "offset": 0,
        "length": 4,
        "url": "https://example.com/x?a=1&b=2",
    }
    assert entities[1]["type"] == "text_mention"
    assert entities[1]["user"]["id"] == 42
    assert entities[2] == {
        "type": "text_link",
        "offset": 9,
        "length": 1,
        "url": "http://tg-no-scheme/",
    }


def test_unquoted_attribute_with_url_characters_is_an_error() -> None:
    with pytest.raises(EntityParseError, match=r"Unexpected end of name token"):
        parse_html("<a href=http://x.y>z</a>")


def test_mention_resolver_can_turn_unknown_users_into_links() -> None:
    _, entities = parse_html('<a href="tg://user?id=5">x</a>', resolve_user=lambda _uid: None)
    assert entities == [{"type": "text_link", "offset": 0, "length": 1, "url": "tg://user?id=5"}]


def test_code_pre_and_language() -> None:
    text, entities = parse_html(
        '<code>c</code> <pre>p</pre> <pre><code class="language-python">x = 1</code></pre>'
    )
    assert text == "c p x = 1"
    assert entities == [
        {"type": "code", "offset": 0, "length": 1},
        {"type": "pre", "offset": 2, "length": 1},
        {"type": "pre", "offset": 4, "length": 5, "language": "python"},
    ]
    # code without a language inside pre collapses into the pre; formatting inside is dropped
    assert parse_html("<pre><code><b>x</b></code></pre>")[1] == [
        {"type": "pre", "offset": 0, "length": 1}
    ]


def test_blockquote_and_custom_emoji() -> None:
    text, entities = parse_html(
        "<blockquote>q</blockquote><blockquote expandable>e</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    assert text == "qe👍"
    assert entities == [
        {"type": "blockquote", "offset": 0, "length": 1},
        {"type": "expandable_blockquote", "offset": 1, "length": 1},
        {
            "type": "custom_emoji",
            "offset": 2,
            "length": 2,
            "custom_emoji_id": "5368324170671202286",
        },
    ]


def test_empty_entities_are_dropped_and_newlines_kept() -> None:
    assert parse_html("a<b></b>\n\nb") == ("a\n\nb", [])


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("é<br>", 'Unsupported start tag "br" at byte offset 2'),
        ("a <b", "Unclosed start tag at byte offset 2"),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("<a href>x</a>", "Expected equal sign"),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier"),
    ],
)
def test_errors(source: str, message: str) -> None:
    with pytest.raises(EntityParseError) as info:
        parse_html(source)
    assert message in str(info.value)
