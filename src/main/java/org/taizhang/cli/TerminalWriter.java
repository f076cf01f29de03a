package org.taizhang.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.taizhang.common.Texts;

/**
 * What the command line prints goes through here: control characters and bidirectional overrides stored in
 * old data (or in a file name) are shown as {@code <U+202E>} instead of being sent raw to the terminal, where
 * they could clear the screen, change colours or reverse what the user reads. Line breaks and tabs pass.
 */
final class TerminalWriter extends FilterWriter {
    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(Texts.forTerminal(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(Texts.forTerminal(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(Texts.forTerminal(str.substring(off, off + len)));
    }
}
