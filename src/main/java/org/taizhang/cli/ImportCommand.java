package org.taizhang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Placeholder until its feature lands: says so and fails. */
@Command(name = "import", description = "从 Excel 导入组织、人员、活动、荣誉（即将推出）")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("“import”功能即将推出。");
        return 1;
    }
}
