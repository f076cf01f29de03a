package org.taizhang.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Word lists for realistic but fictional demo data. */
final class DemoNames {
    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
            "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马");
    static final String GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文博";
    static final String GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀英燕玲桂红梅琳雪婷慧颖倩琪晶妍欣怡佳萱璐蓉月彤";
    static final List<String> STREETS = List.of("园岭", "南园", "华富", "香蜜湖", "莲花", "梅林", "福保", "沙头", "华强北", "福田",
            "东门", "翠竹", "黄贝", "桂园", "南湖", "笋岗", "清水河", "东湖", "莲塘", "东晓", "新安", "西乡", "航城", "福永",
            "沙井", "松岗", "燕罗", "石岩", "新桥", "福海");
    static final String PLACE_CHARS = "景华新荔翠岭湖园桥田林湾海港泉溪河山城东西南北中和平安康乐福兴隆盛丰泰宁";
    /** Area codes (first six digits of ID numbers) around a fictional district. */
    static final List<String> AREAS = List.of("440304", "440303", "440305", "440306", "440307", "440106", "440104",
            "430102", "360102", "450102", "510104", "420102", "410105", "350102", "330106", "320102");

    private DemoNames() {
    }

    static String personName(RandomGenerator r, boolean male) {
        String s = SURNAMES.get(r.nextInt(SURNAMES.size()));
        String pool = male ? GIVEN_MALE : GIVEN_FEMALE;
        int len = r.nextInt(10) < 7 ? 2 : 1;
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < len; i++) {
            b.append(pool.charAt(r.nextInt(pool.length())));
        }
        return b.toString();
    }

    /** A person's name not in {@code taken} (which it is added to): for example data where two people of one name would confuse. */
    static String uniquePersonName(RandomGenerator r, boolean male, java.util.Set<String> taken) {
        for (int tries = 0; ; tries++) {
            String n = personName(r, male);
            if (taken.add(n) || tries > 1000) {
                return n;
            }
        }
    }

    static String placeName(RandomGenerator r) {
        return "" + PLACE_CHARS.charAt(r.nextInt(PLACE_CHARS.length())) + PLACE_CHARS.charAt(r.nextInt(PLACE_CHARS.length()));
    }
}
