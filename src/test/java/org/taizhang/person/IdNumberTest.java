package org.taizhang.person;

import org.taizhang.common.Phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} is valid: {1} {2}")
    @CsvSource({
            // the GB 11643 example number and others whose check digits were computed by hand
            "11010519491231002X, 1949-12-31, 女",
            "11010119900307125X, 1990-03-07, 男",
            "11010119900307123 3, 1990-03-07, 男",
            "440304200002290014, 2000-02-29, 男",
            "11010519491231002x, 1949-12-31, 女",
            "１１０１０５１９４９１２３１００２Ｘ, 1949-12-31, 女",
            "\u200b110105 1949 1231 002X , 1949-12-31, 女",
    })
    void valid(String input, LocalDate birth, String gender) {
        IdNumber id = IdNumber.parse(input, TODAY);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.gender()).isEqualTo(gender);
        assertThat(id.value()).hasSize(18).doesNotContain(" ").doesNotContain("x");
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "110105194912310021 | 校验位不对（最后一位应为X",
            "110101199003071234 | 最后一位应为3",
            "110105491231002    | 15位旧身份证号",
            "11010519491231002  | 应为18位，现在是17位",
            "1101051949123100211| 应为18位，现在是19位",
            "11010519491231A02X | 第15位“A”不是数字",
            "11010519491231002Y | 最后一位只能是数字或X",
            "990105194912310020 | 不是有效的省级行政区划代码",
            "110105201902290012 | 出生日期“20190229”不存在",
            "110105203001010012 | 不合理",
            "                   | 身份证号为空",
    })
    void invalid(String input, String reason) {
        assertThatThrownBy(() -> IdNumber.parse(input, TODAY))
                .isInstanceOf(IdNumber.InvalidIdNumberException.class)
                .hasMessageContaining(reason.strip());
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 110105********002X", "440304200002290014, 440304********0014"})
    void masks(String id, String masked) {
        assertThat(IdNumber.mask(id)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"13812345678, 138****5678", "0755-12345678, 0755-****5678"})
    void phoneMasks(String phone, String masked) {
        assertThat(Phones.mask(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"１３８ １２３４ ５６７８|13812345678", "0755－12345678|0755-12345678", "+8613812345678|13812345678"})
    void phoneNormalises(String in, String out) {
        assertThat(Phones.normalise(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({"12345", "138123456789", "abc"})
    void phoneRejects(String in) {
        assertThatThrownBy(() -> Phones.normalise(in)).hasMessageContaining("不是有效的电话号码");
    }
}
