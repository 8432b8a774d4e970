package dev.queuectl.client.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("printf '\\e[31mred\\e[0m'", DisplayText.escape("printf '\u001b[31mred\u001b[0m'"));
        assertEquals("a\\nb\\tc\\rd\\x07\\x7f\\u009b", DisplayText.escape("a\nb\tc\rd\u0007\u007f\u009b"));
        assertEquals("abc\\u202edef\\u2066", DisplayText.escape("abc\u202edef\u2066"), "bidi controls cannot reorder");
        assertEquals("\\ud800x", DisplayText.escape("\ud800x"), "a lone surrogate");
        String plain = "echo 'héllo wörld' | 日本語 😀";
        assertSame(plain, DisplayText.escape(plain), "nothing to escape: the same string");
        for (String s : new String[] {"\u001b]0;title\u0007", "\u001b[2J", "\u0000", "\u0085"}) {
            String e = DisplayText.escape(s);
            assertFalse(e.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)), e);
        }
    }

    @Test
    void widthCountsWideCharactersTwiceAndCombiningMarksNotAtAll() {
        assertEquals(5, DisplayText.width("hello"));
        assertEquals(6, DisplayText.width("日本語"));
        assertEquals(4, DisplayText.width("한국"));
        assertEquals(4, DisplayText.width("ｆｕ"), "fullwidth forms");
        assertEquals(3, DisplayText.width("e\u0301e\u0301e"), "combining acute accents");
        assertEquals(2, DisplayText.width("😀"));
    }

    @Test
    void fitCutsByColumnsWithAnEllipsis() {
        assertEquals("short", DisplayText.fit("short", 10));
        assertEquals("abcdefghi…", DisplayText.fit("abcdefghijklmnop", 10));
        assertEquals("日本…", DisplayText.fit("日本語の文", 6), "a wide character is never split");
        assertEquals(6, DisplayText.width(DisplayText.fit("日本語の文", 6)) + 1);
        assertEquals("e\u0301e\u0301…", DisplayText.fit("e\u0301e\u0301e\u0301e\u0301", 3), "marks stay with their letter");
    }

    @Test
    void tablesAlignByDisplayWidthAndCutShrinkableColumnsToTheTerminal() {
        Table t = new Table("ID", "STATE", "COMMAND").shrinkable(0, 2);
        t.row("日本語", "pending", "echo \u001b[31mred");
        t.row("a-very-long-job-id-that-goes-on-and-on-and-on", "dead", "sleep 1");
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w, true), 40);
        String[] lines = w.toString().split("\n");
        for (String line : lines) {
            assertTrue(DisplayText.width(line) <= 40, line);
        }
        int state = lines[0].indexOf("STATE");
        assertEquals(state, DisplayText.width(lines[1].substring(0, lines[1].indexOf("pending"))),
                "columns line up in terminal columns:\n" + w);
        assertTrue(lines[2].contains("…"), w.toString());
        assertTrue(lines[1].contains("\\e[31m"), w.toString());
        StringWriter unlimited = new StringWriter();
        t.print(new PrintWriter(unlimited, true), 0);
        assertTrue(unlimited.toString().contains("a-very-long-job-id-that-goes-on-and-on-and-on"), "no terminal: whole");
    }

    @Test
    void timesAreLocalWithTheirOffsetOrUtc() {
        Instant t = Instant.parse("2026-11-23T10:00:00.250Z");
        assertEquals("2026-11-23 11:00:00+01:00", new Display(ZoneId.of("Europe/Paris"), Map.of()).time(t));
        assertEquals("2026-11-23 05:00:00-05:00", new Display(ZoneId.of("America/New_York"), Map.of()).time(t));
        assertEquals("2026-11-23 10:00:00Z", new Display(ZoneOffset.UTC, Map.of()).time(t));
        assertEquals("2026-07-01 12:00:00+02:00",
                new Display(ZoneId.of("Europe/Paris"), Map.of()).time(Instant.parse("2026-07-01T10:00:00Z")), "summer time");
        assertEquals(120, new Display(ZoneOffset.UTC, Map.of("COLUMNS", "120")).width());
        assertEquals(0, new Display(ZoneOffset.UTC, Map.of("COLUMNS", "x")).width());
    }
}
