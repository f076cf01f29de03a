package org.taizhang.cli;

import org.taizhang.app.DemoDataFactory;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "向空数据库装入示例数据（组织树、人员、活动、荣誉）")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--orgs", description = "组织数（默认 ${DEFAULT-VALUE}）", defaultValue = "120")
    int orgs;
    @Option(names = "--people", description = "人数（默认 ${DEFAULT-VALUE}）", defaultValue = "2000")
    int people;
    @Option(names = "--activities", description = "活动数（默认 ${DEFAULT-VALUE}）", defaultValue = "3000")
    int activities;
    @Option(names = "--honors", description = "荣誉数（默认 ${DEFAULT-VALUE}）", defaultValue = "80")
    int honors;
    @Option(names = "--seed", description = "随机种子，同一种子生成同样的数据（默认 ${DEFAULT-VALUE}）", defaultValue = "2021")
    long seed;
    @Option(names = "--example", description = "装入手写的示例而不是随机数据：district（一个区群团工作部 2021 年上半年的活动、荣誉、换届和计划，用来试工作总结）")
    String example;

    @Override
    public Integer call() {
        try (Database db = Cli.open(spec)) {
            if (example != null) {
                if (!example.strip().equalsIgnoreCase("district")) {
                    throw new UserException("示例“" + example.strip() + "”不存在，可选：district");
                }
                org.taizhang.demo.DistrictExample.load(db);
                Cli.out(spec).printf("已装入示例：大鹏新区群团工作部 2021 年上半年（试一试：summary generate --org 大鹏新区群团工作部 --period 2021H1 "
                        + "--template 总结+计划 --out 总结.docx）%n数据库：%s%n", db.file());
                return 0;
            }
            long t0 = System.nanoTime();
            DemoData.Result r = DemoDataFactory.create(db, LocalDate.now())
                    .generate(new DemoData.Size(orgs, people, activities, honors), seed, p -> { });
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Cli.out(spec).printf("已生成示例数据：组织 %d 个，人员 %d 人（成员关系 %d 条），活动 %d 场，荣誉 %d 项，用时 %d 毫秒。%n数据库：%s%n",
                    r.orgs(), r.people(), r.memberships(), r.activities(), r.honors(), ms, db.file());
            return 0;
        }
    }
}
