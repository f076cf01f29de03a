package org.taizhang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Placeholder until its feature lands: says so and fails. */
@Command(name = "plan", description = "工作计划：list、show、export（即将推出）")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("“plan”功能即将推出。");
        return 1;
    }
}
