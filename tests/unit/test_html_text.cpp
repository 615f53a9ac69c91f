#include <catch2/catch.hpp>

#include <string>

#include "ror/text.hpp"

using ror::html_to_text;

TEST_CASE("html: tags are dropped, block elements break lines", "[html]") {
  CHECK(html_to_text("") == "");
  CHECK(html_to_text("plain text, no markup") == "plain text, no markup");
  CHECK(html_to_text("<b>bold</b> and <em>it</em><span>alic</span>") == "bold and italic");
  CHECK(html_to_text("one<br>two<br/>three<br />four") == "one\ntwo\nthree\nfour");
  CHECK(html_to_text("<p>first</p><p>second</p>") == "first\nsecond");
  CHECK(html_to_text("<div>a</div><div>b</div>c<hr>d") == "a\nb\nc\nd");
  CHECK(html_to_text("<ul><li>one</li><li>two</li></ul>") == "one\ntwo");
  CHECK(html_to_text("<h1>Title</h1>text<h6>small</h6>") == "Title\ntext\nsmall");
  CHECK(html_to_text("<blockquote>quoted</blockquote>reply") == "quoted\nreply");
  CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>") ==
        "a\nb\nc");
  CHECK(html_to_text("<pre>x = 1\n  y</pre>after") == "x = 1\n  y\nafter");
  CHECK(html_to_text("<figure>img</figure><figcaption>cap</figcaption>") == "img\ncap");
  SECTION("tag names in any case") {
    CHECK(html_to_text("<P>a</P><BR><Div>b</DIV>") == "a\nb");
  }
  SECTION("whitespace around a break folds into one newline, none at the ends") {
    CHECK(html_to_text("<p>a </p>\n\n  <p> b</p>\n") == "a\nb");
    CHECK(html_to_text("\n<p>a</p>") == "a");
    CHECK(html_to_text("a <br> <br>\t<br> b") == "a\nb");
    CHECK(html_to_text("<p></p><p></p>") == "");
    CHECK(html_to_text("keep  inner   spaces ") == "keep  inner   spaces ");
  }
  SECTION("unknown and custom elements are inline") {
    CHECK(html_to_text("x<my-widget data-a=\"1\">y</my-widget>z") == "xyz");
  }
}

TEST_CASE("html: script, style, title and comments are dropped", "[html]") {
  CHECK(html_to_text("a<script>var x = '<p>' + 1 < 2;</script>b") == "a\nb");
  CHECK(html_to_text("a<SCRIPT type=\"x\">hidden</ScRiPt >b") == "a\nb");
  CHECK(html_to_text("<style>p { color: red }</style>text") == "text");
  CHECK(html_to_text("<script>x</scripts></script>y") == "y");
  CHECK(html_to_text("<html><head><title>T</title><meta charset=\"utf-8\"></head>"
                     "<body><p>Body</p></body></html>") == "Body");
  CHECK(html_to_text("a<!-- a <b>comment</b> -->b") == "ab");
  CHECK(html_to_text("a<!---->b<!-->c<!--->d") == "abcd");
  CHECK(html_to_text("<!DOCTYPE html><?xml version=\"1.0\"?>text") == "text");
}

TEST_CASE("html: character references", "[html]") {
  CHECK(html_to_text("&amp; &lt; &gt; &quot; &apos;") == "& < > \" '");
  CHECK(html_to_text("a&nbsp;b") == "a\u00a0b");
  CHECK(html_to_text("&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;") ==
        "\u2026\u2014\u2013\u2018\u2019\u201c\u201d");
  CHECK(html_to_text("&laquo;&raquo;&copy;&reg;&trade;&euro;&eacute;&Eacute;&szlig;") ==
        "\u00ab\u00bb\u00a9\u00ae\u2122\u20ac\u00e9\u00c9\u00df");
  CHECK(html_to_text("&alpha;&Omega;&rarr;&ne;&hearts;&commat;") ==
        "\u03b1\u03a9\u2192\u2260\u2665@");
  SECTION("numeric") {
    CHECK(html_to_text("it&#39;s &#x27;&#X27;") == "it's ''");
    CHECK(html_to_text("&#x1F600; &#128512;") == "\U0001F600 \U0001F600");
    CHECK(html_to_text("&#8217;&#233;&#65;") == "\u2019\u00e9A");
    CHECK(html_to_text("&#39 no semicolon") == "' no semicolon");
  }
  SECTION("invalid code points become U+FFFD; 0x80-0x9F are Windows-1252") {
    CHECK(html_to_text("&#0;&#xD800;&#xDFFF;&#x110000;&#99999999999999;") ==
          "\ufffd\ufffd\ufffd\ufffd\ufffd");
    CHECK(html_to_text("&#146;&#150;&#x80;&#x81;") == "\u2019\u2013\u20ac\u0081");
  }
  SECTION("unknown or malformed references stay as written") {
    CHECK(html_to_text("AT&T &bogus; &amp &#; &#x; &#xg; & alone &") ==
          "AT&T &bogus; &amp &#; &#x; &#xg; & alone &");
    CHECK(html_to_text("&AMP; &Amp;") == "&AMP; &Amp;");
    CHECK(html_to_text("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;") ==
          "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;");
  }
  SECTION("a decoded space after a break goes like a written one") {
    CHECK(html_to_text("<p>a</p>&#32;&#10;b") == "a\nb");
  }
}

TEST_CASE("html: links give their URL, unless their text is a tag, a mention or the URL",
          "[html]") {
  CHECK(html_to_text("see <a href=\"https://x.example/a\">click here</a> now") ==
        "see https://x.example/a now");
  CHECK(html_to_text("<a href='http://x.example/?a=1&amp;b=2'>x</a>") ==
        "http://x.example/?a=1&b=2");
  CHECK(html_to_text("<a class=\"c\" HREF=\" https://x.example \" href=\"https://no\">t</a>") ==
        "https://x.example");
  CHECK(html_to_text("<a href=HTTPS://X.example/A>t</a>") == "HTTPS://X.example/A");
  CHECK(html_to_text("<a href=\"https://x.example\"><img src=\"a.png\"></a>") ==
        "https://x.example");
  SECTION("Mastodon hashtags and mentions keep their text") {
    CHECK(html_to_text("<a href=\"https://m.social/tags/ror\" class=\"mention hashtag\" "
                       "rel=\"tag\">#<span>ror</span></a>") == "#ror");
    CHECK(html_to_text("<span class=\"h-card\" translate=\"no\"><a href=\"https://m.social/@bob\" "
                       "class=\"u-url mention\">@<span>bob</span></a></span> hi") == "@bob hi");
  }
  SECTION("a link whose text is a URL keeps it whole, hidden parts included") {
    CHECK(html_to_text("<a href=\"https://x.example/long-rest\" target=\"_blank\" "
                       "rel=\"nofollow noopener\" translate=\"no\"><span "
                       "class=\"invisible\">https://</span><span "
                       "class=\"ellipsis\">x.example/long</span><span "
                       "class=\"invisible\">-rest</span></a>") == "https://x.example/long-rest");
    CHECK(html_to_text("<a href=\"https://t.example/r\">https://shown.example</a>") ==
          "https://shown.example");
  }
  SECTION("other links keep their text") {
    CHECK(html_to_text("<a href=\"mailto:a@b.example\">write to us</a>") == "write to us");
    CHECK(html_to_text("<a href=\"/relative/page\">about</a>") == "about");
    CHECK(html_to_text("<a href=\"ftp://f.example\">files</a>") == "files");
    CHECK(html_to_text("<a name=\"top\">anchor</a>") == "anchor");
  }
  SECTION("a URL is set off by spaces from text it would touch") {
    CHECK(html_to_text("see<a href=\"https://x.example\">here</a>.") == "see https://x.example .");
    CHECK(html_to_text("(<a href=\"https://x.example\">here</a>) ok") ==
          "( https://x.example ) ok");
    CHECK(html_to_text("<a href=\"https://x.example\">here</a> ok") == "https://x.example ok");
    CHECK(html_to_text("<a href=\"https://x.example\">a</a><br>b") == "https://x.example\nb");
  }
  SECTION("links do not nest and may be left open") {
    CHECK(html_to_text("<a href=\"https://1.example\">a<a href=\"https://2.example\">b</a>") ==
          "https://1.example https://2.example");
    CHECK(html_to_text("<a href=\"https://1.example\">a</a><a href=\"https://m/@b\">@b</a>") ==
          "https://1.example @b");
    CHECK(html_to_text("x <a href=\"https://o.example\">open to the end") == "x https://o.example");
    CHECK(html_to_text("stray </a> end") == "stray  end");
  }
  SECTION("a block inside a link") {
    CHECK(html_to_text("a<a href=\"https://x.example\"><p>text</p></a>b") ==
          "a https://x.example\nb");
  }
}

TEST_CASE("html: attributes, stray '<' and broken markup", "[html]") {
  CHECK(html_to_text("<p title=\"a > b\" data-x='c > d' e=f>text</p>") == "text");
  CHECK(html_to_text("<a href=\"https://x.example/a>b\">t</a>") == "https://x.example/a>b");
  CHECK(html_to_text("<p class=unquoted id = 'spaced' hidden>t</p>") == "t");
  CHECK(html_to_text("a < b and c<d> e") == "a < b and c e");
  CHECK(html_to_text("x <3 y <= z </ w <") == "x <3 y <= z </ w <");
  CHECK(html_to_text("1 <> 2 <!> 3") == "1 <> 2  3");
  SECTION("markup left open at the end is dropped with the rest") {
    CHECK(html_to_text("text <p class=\"never closed>more") == "text ");
    CHECK(html_to_text("text <span") == "text ");
    CHECK(html_to_text("text <!-- unterminated") == "text ");
    CHECK(html_to_text("text <script>unterminated") == "text");
    CHECK(html_to_text("text </p") == "text ");
    CHECK(html_to_text("<a href=\"https://x") == "");
  }
  SECTION("invalid UTF-8 is passed through") {
    CHECK(html_to_text("<p>\xff\xfe caf\xc3</p>") == "\xff\xfe caf\xc3");
  }
}

TEST_CASE("html: a Mastodon status and a WordPress paragraph", "[html]") {
  const char* status =
      "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://hc.social/@pete\" "
      "class=\"u-url mention\">@<span>pete</span></a></span> I wouldn&#39;t worry about "
      "&quot;domain law&quot;.<br />Details: <a href=\"https://blog.example/posts/2025-03-10_"
      "bench/index.html\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span "
      "class=\"invisible\">https://</span><span class=\"ellipsis\">blog.example/posts/2025-03"
      "</span><span class=\"invisible\">-10_bench/index.html</span></a></p><p><a "
      "href=\"https://fosstodon.org/tags/rstats\" class=\"mention hashtag\" "
      "rel=\"tag\">#<span>rstats</span></a> \xf0\x9f\x9a\x80</p>";
  CHECK(html_to_text(status) ==
        "@pete I wouldn't worry about \"domain law\".\n"
        "Details: https://blog.example/posts/2025-03-10_bench/index.html\n"
        "#rstats \xf0\x9f\x9a\x80");
  const char* wordpress =
      "<h3>Left Align</h3>\n<p style=\"text-align:left\">It&#8217;s left aligned&nbsp;&amp; "
      "<em>liberal</em> in its views &#8211; see <a href=\"https://wp.example/?p=1148\" "
      "rel=\"noopener\">this post</a>.</p>\n<p><img decoding=\"async\" class=\"size-full\" "
      "alt=\"Image 580x300\" src=\"http://wp.example/a.jpg\" width=\"580\" /></p>\n";
  CHECK(html_to_text(wordpress) ==
        "Left Align\nIt\u2019s left aligned\u00a0& liberal in its views \u2013 see "
        "https://wp.example/?p=1148 .");
}

TEST_CASE("html: the output string is cleared and reused", "[html]") {
  std::string out = "left over from before";
  ror::html_to_text("<p>new</p>", out);
  CHECK(out == "new");
  const std::size_t capacity = out.capacity();
  ror::html_to_text("x", out);
  CHECK(out == "x");
  CHECK(out.capacity() == capacity);
  ror::html_to_text("", out);
  CHECK(out.empty());
}
