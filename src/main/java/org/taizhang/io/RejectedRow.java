package org.taizhang.io;

import java.util.List;

/** A row that will not be written: its number, what its cells showed, and every problem found. */
public record RejectedRow(int row, List<String> values, List<RowProblem> problems) {
    public String reasons() {
        return String.join("；", problems.stream().map(p -> (p.column() == null || p.column().isEmpty() ? "" : p.cell() + " ")
                + (p.field() == null || p.field().isEmpty() ? "" : p.field() + "：") + p.reason()).toList());
    }
}
