package fr.ars.coord.contracts.observable;

import static fr.ars.coord.contracts.observable.ObservableType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservableValuesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ipv4-addr   | 192.0.2.10                         | 192.0.2.10",
                "ipv4-addr   | 192[.]0[.]2[.]10                   | 192.0.2.10",
                "ipv4-addr   | 198.51.100.0/24                    | 198.51.100.0/24",
                "ipv4-addr   | 198.51.100.7/32                    | 198.51.100.7",
                "ipv6-addr   | 2001:0DB8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
                "ipv6-addr   | 2001:db8:0:0:1:0:0:1               | 2001:db8::1:0:0:1",
                "ipv6-addr   | [2001:db8::]                       | 2001:db8::",
                "ipv6-addr   | ::ffff:192.0.2.1                   | ::ffff:c000:201",
                "ipv6-addr   | 2001:db8:0:1:1:1:1:1               | 2001:db8:0:1:1:1:1:1",
                "domain-name | Ameli-Remboursement.EXAMPLE.       | ameli-remboursement.example",
                "domain-name | Bücher.example                     | xn--bcher-kva.example",
                "domain-name | ameli[.]fr-sante[.]example         | ameli.fr-sante.example",
                "url         | HXXPS://Ameli-Fr[.]Example:443/Login?id=1#top | https://ameli-fr.example/Login?id=1",
                "url         | http://198.51.100.7:8080           | http://198.51.100.7:8080/",
                "url         | http://[2001:DB8::1]/x             | http://[2001:db8::1]/x",
                "url         | https://a.example/./login/../connexion | https://a.example/connexion",
                "url         | https://a.example/../../x/.       | https://a.example/x/",
                "email-addr  | Remboursement@Ameli-FR.example     | remboursement@ameli-fr.example",
                "email-addr  | support[@]ameli-fr[.]example       | support@ameli-fr.example",
                "file-md5    | D41D8CD98F00B204E9800998ECF8427E   | d41d8cd98f00b204e9800998ecf8427e",
                "file-sha1   | da39a3ee5e6b4b0d3255bfef95601890afd80709 | da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "x509-certificate | AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01 | abcdef0123456789abcdef0123456789abcdef01",
                "phone-number | 06 12 34 56 78                    | +33612345678",
                "phone-number | +33 (0)6 12 34 56 78              | +33612345678",
                "phone-number | 0033 6 12 34 56 78                | +33612345678",
            })
    void canonicalForms(String type, String raw, String canonical) {
        assertThat(ObservableValues.canonical(ObservableType.byName(type).orElseThrow(), raw))
                .isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} {1} refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "ipv4-addr   | 256.1.1.1",
                "ipv4-addr   | 192.168.010.1",
                "ipv4-addr   | 10.0.0.1/33",
                "ipv4-addr   | evil.example",
                "ipv6-addr   | 2001:db8::1::2",
                "ipv6-addr   | 2001:db8:1:2:3:4:5:6:7",
                "ipv6-addr   | 12345::1",
                "ipv6-addr   | fe80::1%eth0",
                "domain-name | localhost",
                "domain-name | -bad.example",
                "domain-name | 192.0.2.1",
                "domain-name | under_score.example",
                "url         | javascript:alert(1)",
                "url         | ameli.example/login",
                "url         | http://exa mple.com/",
                "email-addr  | not-an-address",
                "email-addr  | a b@example.com",
                "file-md5    | d41d8cd98f00b204e9800998ecf8427",
                "file-sha256 | zz41d8cd98f00b204e9800998ecf8427ed41d8cd98f00b204e9800998ecf8427",
                "x509-certificate | abcdef",
                "phone-number | 12",
                "phone-number | +0612345678",
                "user-account | dr.martin@chu.example",
            })
    void valuesNotOfTheirTypeAreRefusedWithAReason(String type, String raw) {
        assertThatThrownBy(() ->
                        ObservableValues.canonical(ObservableType.byName(type).orElseThrow(), raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must");
    }

    @org.junit.jupiter.api.Test
    void accountsArePseudonymisedFirstAndTheirIdentifiersNormalised() {
        assertThat(ObservableValues.accountIdentifier(" RPPS 1010 1010101 ")).isEqualTo("rpps10101010101");
        String pseudonym = "hmac-sha256:" + "ab".repeat(32);
        assertThat(ObservableValues.canonical(USER_ACCOUNT, pseudonym.toUpperCase()))
                .isEqualTo(pseudonym);
        assertThat(ObservableValues.isPseudonym(pseudonym)).isTrue();
        assertThat(ObservableValues.isPseudonym("rpps10101010101")).isFalse();
    }

    @ParameterizedTest(name = "{0} detected as {1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "hxxps://ameli-fr[.]example/login          | url",
                "remboursement@ameli-fr[.]example          | email-addr",
                "203.0.113[.]7                             | ipv4-addr",
                "2001:db8::1                               | ipv6-addr",
                "d41d8cd98f00b204e9800998ecf8427e          | file-md5",
                "da39a3ee5e6b4b0d3255bfef95601890afd80709  | file-sha1",
                "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | file-sha256",
                "da:39:a3:ee:5e:6b:4b:0d:32:55:bf:ef:95:60:18:90:af:d8:07:09 | x509-certificate",
                "+33 6 12 34 56 78                         | phone-number",
                "06.12.34.56.78                            | phone-number",
                "Ameli-Remboursement.EXAMPLE               | domain-name",
                "hmac-sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | user-account",
                "pas une valeur                            | none",
                "300.1.2.3                                 | none"
            })
    void aPastedValueIsGivenItsLikelyType(String raw, String type) {
        org.assertj.core.api.Assertions.assertThat(ObservableValues.detect(raw).map(ObservableType::typeName))
                .isEqualTo(java.util.Optional.ofNullable(type));
    }
}
