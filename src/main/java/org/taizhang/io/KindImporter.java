package org.taizhang.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.common.FieldError;
import org.taizhang.common.ValidationException;

/**
 * The part of an import that knows one kind of record: turns a mapped row into a candidate
 * (checking everything the row alone can tell), checks candidates against the database and each
 * other, and writes the accepted ones inside the caller's transaction.
 */
abstract class KindImporter<C, E> {

    /** A row that passed the row-level checks. */
    record Parsed<C>(int row, C value) {
    }

    /** The outcome of checking against the database: accepted rows in write order, rejected rows with reasons. */
    static final class Plan<C, E> {
        final List<Parsed<C>> accepted = new ArrayList<>();
        final Map<Integer, List<RowProblem>> rejected = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        /** Rows already in the ledger with the same values: not written, not errors. */
        final Map<Integer, String> skipped = new LinkedHashMap<>();
        /** Rows already in the ledger whose values differ: what would change (applied only on request). */
        final Map<Integer, String> changes = new LinkedHashMap<>();
        /** What the import creates besides its rows (types, categories, parent organisations), for the preview. */
        final List<String> creates = new ArrayList<>();
        /** Values matched to the office's existing vocabulary under another spelling, for the preview. */
        final List<String> matches = new ArrayList<>();
        /** What the kind resolved for writing (e.g. each row's service input). */
        E resolved;

        void reject(int row, RowProblem p) {
            rejected.computeIfAbsent(row, k -> new ArrayList<>()).add(p);
        }

        /** Accepts {@code p} when {@code problems} is empty, otherwise rejects its row with every problem. */
        void settle(Parsed<C> p, List<RowProblem> problems) {
            if (problems.isEmpty()) {
                accepted.add(p);
            } else {
                problems.forEach(pr -> reject(p.row(), pr));
            }
        }
    }

    protected final ImportRequest request;
    protected String sheet = "";

    KindImporter(ImportRequest request) {
        this.request = request;
    }

    void sheet(String name) {
        this.sheet = name;
    }

    /** Row-level checks; returns null when {@code v} recorded problems. */
    abstract C parse(RowValues v);

    abstract Plan<C, E> resolve(DSLContext ctx, List<Parsed<C>> rows);

    abstract ImportResult write(DSLContext ctx, Plan<C, E> plan, ImportProgress progress);

    /** A problem tied to a field's column of a row, for the resolve step (which no longer has the cells). */
    RowProblem problem(ColumnMapping m, int row, ImportField field, String value, String reason) {
        Integer c = m.column(field);
        String label = field.label();
        return new RowProblem(sheet, row, c == null ? "" : SheetRow.columnLetter(c), c == null ? "" : m.header(c), label,
                value == null ? "" : value, reason);
    }

    ColumnMapping mapping;

    RowProblem problem(int row, ImportField field, String value, String reason) {
        return problem(mapping, row, field, value, reason);
    }

    /**
     * The problems of a row that the service's validation rejected, each under the column of the field it names:
     * {@code fields} translates the service's field names into import fields ({@code fallback} for the others).
     */
    List<RowProblem> serviceProblems(int row, ValidationException e, Map<String, ImportField> fields, ImportField fallback) {
        List<RowProblem> problems = new ArrayList<>();
        for (FieldError fe : e.errors()) {
            problems.add(problem(row, fields.getOrDefault(fe.field(), fallback), "", fe.message()));
        }
        return problems;
    }

    /** A duplicate-check key: the parts joined with NUL (null parts as "null"). */
    static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('\u0000');
            }
            b.append(parts[i]);
        }
        return b.toString();
    }
}
