package org.olympiad.competitions.platform.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.olympiad.competitions.platform.personaldata.Strictness.FREE_TEXT_OR_POLICY;
import static org.olympiad.competitions.platform.personaldata.Strictness.REF_OR_SNAPSHOT;

class PersonalDataGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON written with single quotes, for readable cases. */
    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static Problem refusal(Runnable call) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.problem();
    }

    private static void assertRefused(Problem problem, String field, String rule, String rawValue) {
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("/personal-data-refused");
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.rule()).isEqualTo(rule);
        assertThat(problem.detail()).contains(field == null ? "the value" : field).doesNotContain(rawValue);
    }

    // ---------------------------------------------------------------- refused: JSON values

    static Stream<Arguments> refused_json() {
        return Stream.of(
                // SNILS, with and without dashes and spaces (valid checksums), and nested
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'snils':'112-233-445 95'}", "officialDataRef.snils", "raw-snils", "445 95"),
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'snils':'112-233-445-95'}", "officialDataRef.snils", "raw-snils", "445-95"),
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'number':'11223344595'}", "officialDataRef.number", "raw-snils", "11223344595"),
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'number':'112 233 445 95'}", "officialDataRef.number", "raw-snils", "445 95"),
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'number':'123-456-789 64'}", "officialDataRef.number", "raw-snils", "789 64"),
                Arguments.of(REF_OR_SNAPSHOT, "officialDataRef", "{'documents':[{'kind':'snils','number':'11223344595'}]}",
                        "officialDataRef.documents[0].number", "raw-snils", "11223344595"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'note':'СНИЛС ребёнка: 112-233-445 95, спасибо'}",
                        "registrationPolicy.note", "raw-snils", "445 95"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'snils':11223344595}", "settings.snils", "raw-snils", "11223344595"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'ids':[1, 2, 98765432183]}", "settings.ids[2]", "raw-snils", "98765432183"),
                // formatted exactly as a SNILS: refused even with a bad checksum
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'note':'123-456-789 00'}", "settings.note", "raw-snils", "789 00"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'note':'123-456-789-00'}", "settings.note", "raw-snils", "789-00"),
                // under a key naming a SNILS: any SNILS-shaped value
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'childSnils':'11223344596'}", "settings.childSnils", "raw-snils", "11223344596"),
                // birth dates in every format in a ref
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'2010-05-14'}", "participantRef.born", "raw-birth-date", "2010-05-14"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'2010-05-14T00:00:00'}", "participantRef.born", "raw-birth-date", "2010-05-14"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'2010-05-14T00:00:00Z'}", "participantRef.born", "raw-birth-date", "2010-05-14"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'14.05.2010'}", "participantRef.born", "raw-birth-date", "14.05.2010"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'14/05/2010'}", "participantRef.born", "raw-birth-date", "14/05/2010"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'14-05-2010'}", "participantRef.born", "raw-birth-date", "14-05-2010"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'born':'4.5.2010'}", "participantRef.born", "raw-birth-date", "4.5.2010"),
                Arguments.of(REF_OR_SNAPSHOT, "participantRef", "{'child':{'id':'c-1','info':['x','born 14.05.2010']}}",
                        "participantRef.child.info[1]", "raw-birth-date", "14.05.2010"),
                // birth dates under a birth-named key in a policy
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'birthDate':'2010-05-14'}", "registrationPolicy.birthDate", "raw-birth-date", "2010-05-14"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'child':{'dateOfBirth':'14.05.2010'}}",
                        "registrationPolicy.child.dateOfBirth", "raw-birth-date", "14.05.2010"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'дата_рождения':'14/05/2010'}",
                        "registrationPolicy.дата_рождения", "raw-birth-date", "14/05/2010"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'ДатаРождения':'14-05-2010'}",
                        "registrationPolicy.ДатаРождения", "raw-birth-date", "14-05-2010"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'DOB':'2010-05-14T00:00:00Z'}",
                        "registrationPolicy.DOB", "raw-birth-date", "2010-05-14"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'birthDates':['2010-05-14']}",
                        "registrationPolicy.birthDates[0]", "raw-birth-date", "2010-05-14"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'birth':{'day':'14 мая 2010 г.'}}",
                        "registrationPolicy.birth.day", "raw-birth-date", "14 мая 2010"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'dateOfBirth':'May 14, 2010'}",
                        "registrationPolicy.dateOfBirth", "raw-birth-date", "May 14, 2010"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'birthDate':20100514}",
                        "registrationPolicy.birthDate", "raw-birth-date", "20100514"),
                // e-mails
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'contacts':{'parentEmail':'ivanova.m@mail.ru'}}",
                        "registrationPolicy.contacts.parentEmail", "raw-email", "ivanova.m@mail.ru"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'note':'пишите маме: мама@почта.рф'}",
                        "registrationPolicy.note", "raw-email", "мама@почта.рф"),
                Arguments.of(REF_OR_SNAPSHOT, "parentRef", "{'ref':'parent+olymp@example.com'}", "parentRef.ref", "raw-email", "parent+olymp@example.com"),
                Arguments.of(REF_OR_SNAPSHOT, "parentRef", "'parent@example.com'", "parentRef", "raw-email", "parent@example.com"),
                // phones in +7 and 8 forms, and international ones
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'contacts':{'parentPhone':'+7 (912) 345-67-89'}}",
                        "registrationPolicy.contacts.parentPhone", "raw-phone", "345-67-89"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'89123456789'}", "registrationPolicy.phone", "raw-phone", "89123456789"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'8 912 345 67 89'}", "registrationPolicy.phone", "raw-phone", "345 67 89"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'+79123456789'}", "registrationPolicy.phone", "raw-phone", "79123456789"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'8-912-345-67-89'}", "registrationPolicy.phone", "raw-phone", "345-67-89"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'8 (912) 345-67-89'}", "registrationPolicy.phone", "raw-phone", "345-67-89"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'note':'звоните +7 912 345-67-89 с 10 до 18'}",
                        "registrationPolicy.note", "raw-phone", "345-67-89"),
                Arguments.of(FREE_TEXT_OR_POLICY, "registrationPolicy", "{'phone':'+375 29 123-45-67'}", "registrationPolicy.phone", "raw-phone", "123-45-67"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'phone':89123456789}", "settings.phone", "raw-phone", "89123456789"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'phone':79123456789}", "settings.phone", "raw-phone", "79123456789"),
                // nested in arrays of objects
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "{'staff':[{'role':'proctor'},{'role':'parent','contacts':['+79123456789']}]}",
                        "settings.staff[1].contacts[0]", "raw-phone", "79123456789"),
                Arguments.of(FREE_TEXT_OR_POLICY, "settings", "['ok', {'a':{'b':[null, true, 'x@y.org']}}]",
                        "settings[1].a.b[2]", "raw-email", "x@y.org"));
    }

    @ParameterizedTest(name = "[{index}] {1} {2} -> {3} {4}")
    @MethodSource("refused_json")
    void raw_personal_data_in_json_is_refused_naming_the_path_without_echoing_the_value(
            Strictness strictness, String field, String value, String expectedField, String expectedRule, String rawValue) {
        Problem problem = refusal(() -> PersonalDataGuard.refuseIn(field, json(value), strictness));
        assertRefused(problem, expectedField, expectedRule, rawValue);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ivanova.m@mail.ru", "+7 (912) 345-67-89", "112-233-445 95"})
    void a_key_carrying_personal_data_is_refused_on_the_object_holding_it(String key) {
        Problem problem = refusal(() -> PersonalDataGuard.refuseIn("registrationPolicy",
                json("{'contacts':{'" + key + "':'parent'}}"), FREE_TEXT_OR_POLICY));
        assertThat(problem.field()).isEqualTo("registrationPolicy.contacts");
        assertThat(problem.detail()).startsWith("a key of registrationPolicy.contacts").doesNotContain(key);
    }

    // ---------------------------------------------------------------- refused: plain text

    @ParameterizedTest(name = "[{index}] {1} ({0}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "FREE_TEXT_OR_POLICY | Олимпиада, вопросы: olymp-help@school57.ru | raw-email",
            "FREE_TEXT_OR_POLICY | Сезон 2026/27, тел. 8 (912) 345-67-89     | raw-phone",
            "FREE_TEXT_OR_POLICY | СНИЛС 11223344595                          | raw-snils",
            "REF_OR_SNAPSHOT     | child-14.05.2010                           | raw-birth-date",
            "REF_OR_SNAPSHOT     | 2010-05-14                                 | raw-birth-date",
    })
    void raw_personal_data_in_plain_text_is_refused(Strictness strictness, String text, String rule) {
        Problem problem = refusal(() -> PersonalDataGuard.refuseIn("title", text, strictness));
        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.rule()).isEqualTo(rule);
        assertThat(problem.detail()).startsWith("title looks like").doesNotContain(text);
    }

    @Test
    void a_plain_text_field_named_after_a_birth_date_refuses_any_date_even_in_free_text() {
        Problem problem = refusal(() -> PersonalDataGuard.refuseIn("child.dateOfBirth", "2010-05-14T00:00:00Z", FREE_TEXT_OR_POLICY));
        assertRefused(problem, "child.dateOfBirth", "raw-birth-date", "2010-05-14");
    }

    @Test
    void the_detail_says_where_the_data_belongs() {
        Problem problem = refusal(() -> PersonalDataGuard.refuseIn("officialDataRef", json("{'snils':'112-233-445 95'}"), REF_OR_SNAPSHOT));
        assertThat(problem.detail()).isEqualTo(
                "officialDataRef.snils looks like a raw SNILS; store a reference to identity's protected attributes instead");
        assertThat(problem.title()).isEqualTo("Raw personal data refused");
    }

    // ---------------------------------------------------------------- accepted

    static Stream<Arguments> accepted_json() {
        return Stream.of(
                Arguments.of(REF_OR_SNAPSHOT, "{}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{}"),
                Arguments.of(REF_OR_SNAPSHOT, "null"),
                // uuids, including ones whose last group holds 11 or 12 digits
                Arguments.of(REF_OR_SNAPSHOT, "{'identityUserId':'3f2b8c1e-9a4d-4e2f-8b7a-c0ffee000001'}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'attributeRef':'3f2b8c1e-9a4d-4e2f-8b7a-a11223344595'}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'attributeRef':'3F2B8C1E-9A4D-4E2F-8B7A-112233445951','status':'verified'}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'officialDataRef':{'requirement':'gir','status':'requested','attributeRef':'0c5a7d4e-1b2f-4c3d-9e8f-001122334455'}}"),
                // registration windows and deadlines in a policy
                Arguments.of(FREE_TEXT_OR_POLICY, "{'window':{'opensAt':'2026-09-01T00:00:00Z','closesAt':'2026-10-01T23:59:59+03:00'}}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'deadline':'2026-09-01','note':'Регистрация с 01.09.2026 по 01/10/2026'}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'schedule':{'2026-09-01':'opens','2026-10-01':'closes'}}"),
                // scores, counts, positions, fees
                Arguments.of(FREE_TEXT_OR_POLICY, "{'maxScore':100,'passingScore':87.5,'position':3,'maxParticipants':100000}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'score':87.5,'rank':12,'total':2500}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'fee':{'amount':1500.00,'currency':'RUB'},'budget':150000000000}"),
                // 11-digit numbers with a bad checksum, not formatted as a SNILS, not starting with 7 or 8
                Arguments.of(FREE_TEXT_OR_POLICY, "{'externalId':11223344596}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'externalId':'11223344596'}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'crmId':'12345678901'}"),
                Arguments.of(REF_OR_SNAPSHOT, "{'orderId':'ORD-112233445950'}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'note':'призовой фонд 1 500 000 000 00'}"),
                // school numbers, grades, Cyrillic titles
                Arguments.of(FREE_TEXT_OR_POLICY, "{'school':'Школа № 1535','schoolNumber':57}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'grade':'7','grades':['7','8','9','10','11'],'gradeNumbers':[8,9,10,11]}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'title':'Олимпиада по математике, 8–11 классы','note':'для 8-11 классов, 2 тура'}"),
                // birth-named keys whose values are not dates
                Arguments.of(FREE_TEXT_OR_POLICY, "{'birthDateRequired':true,'birthDateSource':'identity','minBirthYear':2008}"),
                // other things that merely resemble personal data
                Arguments.of(FREE_TEXT_OR_POLICY, "{'channel':'@olymp_math','rules':'https://olymp.example/rules?id=42'}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'version':'2026.1.5','bonus':'+10 баллов','offset':'+03:00'}"),
                Arguments.of(FREE_TEXT_OR_POLICY, "{'at':'2026-09-01T08:00:00.123456789+08:00'}"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("accepted_json")
    void ordinary_json_passes(Strictness strictness, String value) {
        assertThatCode(() -> PersonalDataGuard.refuseIn("value", json(value), strictness)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Олимпиада по математике", "Сезон 2026/27", "Тур 1: отборочный", "Школьный этап, 7 класс",
            "math", "olymp-2026", "Регистрация до 01.10.2026", "Призёры 2025 года", "87.5", "7", ""})
    void ordinary_titles_pass(String title) {
        assertThatCode(() -> PersonalDataGuard.refuseIn("title", title, FREE_TEXT_OR_POLICY)).doesNotThrowAnyException();
    }

    @Test
    void a_missing_value_passes() {
        assertThatCode(() -> {
            PersonalDataGuard.refuseIn("title", (String) null, FREE_TEXT_OR_POLICY);
            PersonalDataGuard.refuseIn("settings", (JsonNode) null, REF_OR_SNAPSHOT);
        }).doesNotThrowAnyException();
    }

    @Test
    void an_iso_timestamp_is_a_date_in_a_ref_but_not_in_a_policy() {
        JsonNode window = json("{'opensAt':'2026-09-01T00:00:00Z'}");
        assertThatCode(() -> PersonalDataGuard.refuseIn("registrationPolicy", window, FREE_TEXT_OR_POLICY)).doesNotThrowAnyException();
        assertThat(refusal(() -> PersonalDataGuard.refuseIn("participantRef", window, REF_OR_SNAPSHOT)).rule())
                .isEqualTo("raw-birth-date");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"11223344595, true", "12345678964, true", "98765432183, true", "11223344596, false", "12345678901, false"})
    void the_snils_checksum_is_the_standard_one(String digits, boolean valid) {
        assertThat(PersonalDataGuard.hasSnilsChecksum(digits)).isEqualTo(valid);
    }
}
