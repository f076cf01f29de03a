package org.taizhang.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.LocalDate;
import org.taizhang.common.Dates;
import org.taizhang.db.Database;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the commands: the open database, output, JSON, date options. */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Cli() {
    }

    public static TaizhangCli root(CommandSpec spec) {
        return (TaizhangCli) spec.root().userObject();
    }

    public static Database open(CommandSpec spec) {
        return root(spec).open();
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    /** Writes {@code value} as indented JSON (UTF-8, dates as "2021-03-05"). */
    public static void json(CommandSpec spec, Object value) {
        try {
            PrintWriter out = out(spec);
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Parses a date option in any of the usual spellings; null stays null. */
    public static LocalDate date(String text) {
        return Dates.parse(text);
    }
}
