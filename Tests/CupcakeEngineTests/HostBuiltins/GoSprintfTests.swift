import Testing
@testable import CupcakeEngine

/// Expected outputs are Go's `fmt.Sprintf` results for int, float64 and string operands
/// (the kinds OPA's sprintf passes), many of them from Go's own fmt test table.
@Suite("Go sprintf")
struct GoSprintfTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let format: String
        let arguments: [GoFormatArgument]
        let expected: String
        init(_ format: String, _ arguments: [GoFormatArgument], _ expected: String) {
            self.format = format
            self.arguments = arguments
            self.expected = expected
        }
        var testDescription: String { "\(format) \(arguments)" }
    }

    private static func check(_ item: Case) {
        let output = try? GoSprintf.format(item.format, item.arguments)
        #expect(output == item.expected, "format \(item.format.debugDescription) with \(item.arguments)")
    }

    static let integerCases: [Case] = [
        Case("%d", [.int(12345)], "12345"),
        Case("%v", [.int(12345)], "12345"),
        Case("%d", [.int(-12345)], "-12345"),
        Case("%d", [.int(Int64.min)], "-9223372036854775808"),
        Case("%.d", [.int(0)], ""),
        Case("%.0d", [.int(0)], ""),
        Case("%6.0d", [.int(0)], "      "),
        Case("%06.0d", [.int(0)], "      "),
        Case("% d", [.int(12345)], " 12345"),
        Case("%+d", [.int(12345)], "+12345"),
        Case("%+d", [.int(-12345)], "-12345"),
        Case("%+v", [.int(5)], "5"),
        Case("%b", [.int(7)], "111"),
        Case("%b", [.int(-6)], "-110"),
        Case("%#b", [.int(7)], "0b111"),
        Case("%#b", [.int(-6)], "-0b110"),
        Case("%b", [.int(Int64.min)], "-1" + String(repeating: "0", count: 63)),
        Case("%o", [.int(0o1234)], "1234"),
        Case("%o", [.int(-0o1234)], "-1234"),
        Case("%#o", [.int(0o1234)], "01234"),
        Case("%#o", [.int(-0o1234)], "-01234"),
        Case("%O", [.int(0o1234)], "0o1234"),
        Case("%O", [.int(-0o1234)], "-0o1234"),
        Case("%#X", [.int(0)], "0X0"),
        Case("%x", [.int(0x12abcdef)], "12abcdef"),
        Case("%X", [.int(0x12abcdef)], "12ABCDEF"),
        Case("%x", [.int(-255)], "-ff"),
        Case("%#x", [.int(255)], "0xff"),
        Case("%.20b", [.int(7)], "00000000000000000111"),
        Case("%10d", [.int(12345)], "     12345"),
        Case("%10d", [.int(-12345)], "    -12345"),
        Case("%+10d", [.int(12345)], "    +12345"),
        Case("%010d", [.int(12345)], "0000012345"),
        Case("%010d", [.int(-12345)], "-000012345"),
        Case("%-10d", [.int(12345)], "12345     "),
        Case("%-010d", [.int(12345)], "12345     "),
        Case("% 05d", [.int(42)], " 0042"),
        Case("%20.8d", [.int(1234)], "            00001234"),
        Case("%20.8d", [.int(-1234)], "           -00001234"),
        Case("%020.8d", [.int(1234)], "            00001234"),
        Case("%-20.8d", [.int(-1234)], "-00001234           "),
        Case("%-#20.8x", [.int(0x1234abc)], "0x01234abc          "),
        Case("%-#20.8X", [.int(0x1234abc)], "0X01234ABC          "),
        Case("%-#20.8o", [.int(0o1234)], "00001234            "),
        Case("%068d", [.int(1)], String(repeating: "0", count: 67) + "1"),
        Case("%068d", [.int(-1)], "-" + String(repeating: "0", count: 66) + "1"),
        Case("%#.68x", [.int(42)], "0x" + String(repeating: "0", count: 66) + "2a"),
        Case("%+.68d", [.int(42)], "+" + String(repeating: "0", count: 66) + "42"),
        Case("% .68d", [.int(42)], " " + String(repeating: "0", count: 66) + "42"),
        Case("%c", [.int(0x78)], "x"),
        Case("%c", [.int(0xe4)], "ä"),
        Case("%c", [.int(0x672c)], "本"),
        Case("%.0c", [.int(0x2318)], "⌘"),
        Case("%3c", [.int(0x2318)], "  ⌘"),
        Case("%-3c", [.int(0x2318)], "⌘  "),
        Case("%c", [.int(-1)], "\u{FFFD}"),
        Case("%c", [.int(0xDC80)], "\u{FFFD}"),
        Case("%c", [.int(0x110000)], "\u{FFFD}"),
        Case("%q", [.int(0)], #"'\x00'"#),
        Case("%q", [.int(0x22)], #"'"'"#),
        Case("%q", [.int(0x27)], #"'\''"#),
        Case("%q", [.int(0x78)], "'x'"),
        Case("%q", [.int(0xff)], "'ÿ'"),
        Case("%+q", [.int(0xff)], #"'\u00ff'"#),
        Case("%q", [.int(0x0a)], #"'\n'"#),
        Case("%+q", [.int(0x263a)], #"'\u263a'"#),
        Case("%10q", [.int(0x2318)], "       '⌘'"),
        Case("%+10q", [.int(0x2318)], #"  '\u2318'"#),
        Case("%010q", [.int(0x2318)], "0000000'⌘'"),
        Case("%-010q", [.int(0x2318)], "'⌘'       "),
        Case("%q", [.int(0x0e00)], #"'\u0e00'"#),
        Case("%q", [.int(0x10ffff)], #"'\U0010ffff'"#),
        Case("%q", [.int(-1)], "'\u{FFFD}'"),
        Case("%q", [.int(0xFFFFFFFFF)], "'\u{FFFD}'"),
        Case("%U", [.int(0)], "U+0000"),
        Case("%U", [.int(-1)], "U+FFFFFFFFFFFFFFFF"),
        Case("%U", [.int(0x0a)], "U+000A"),
        Case("%#U", [.int(0x0a)], "U+000A"),
        Case("%+U", [.int(0x78)], "U+0078"),
        Case("%# U", [.int(0x78)], "U+0078 'x'"),
        Case("%#.2U", [.int(0x78)], "U+0078 'x'"),
        Case("%#U", [.int(0x263a)], "U+263A '☺'"),
        Case("%#U", [.int(0x1D6C2)], "U+1D6C2 '𝛂'"),
        Case("%#14.6U", [.int(0x2318)], "  U+002318 '⌘'"),
        Case("%#-14.6U", [.int(0x2318)], "U+002318 '⌘'  "),
        Case("%#014.6U", [.int(0x2318)], "  U+002318 '⌘'"),
    ]

    static let stringCases: [Case] = [
        Case("%s", [.string("abc")], "abc"),
        Case("%v", [.string("abc")], "abc"),
        Case("%q", [.string("abc")], #""abc""#),
        Case("%x", [.string("abc")], "616263"),
        Case("%x", [.string("")], ""),
        Case("% x", [.string("")], ""),
        Case("%#x", [.string("")], ""),
        Case("%x", [.string("xyz")], "78797a"),
        Case("%X", [.string("xyz")], "78797A"),
        Case("% x", [.string("xyz")], "78 79 7a"),
        Case("% X", [.string("xyz")], "78 79 7A"),
        Case("%#x", [.string("xyz")], "0x78797a"),
        Case("%#X", [.string("xyz")], "0X78797A"),
        Case("%# x", [.string("xyz")], "0x78 0x79 0x7a"),
        Case("%# X", [.string("xyz")], "0X78 0X79 0X7A"),
        Case("%.5x", [.string("abcdefghijklmnopqrstuvwxyz")], "6162636465"),
        Case("%.1x", [.string("日本語")], "e6"),
        Case("%2x", [.string("")], "  "),
        Case("% 02x", [.string("")], "00"),
        Case("%-02x", [.string("")], "  "),
        Case("%8x", [.string("a")], "      61"),
        Case("%#8x", [.string("a")], "    0x61"),
        Case("%08x", [.string("a")], "00000061"),
        Case("%#08x", [.string("a")], "00000x61"),
        Case("% 10x", [.string("ab")], "     61 62"),
        Case("%# 10x", [.string("ab")], " 0x61 0x62"),
        Case("%# 010x", [.string("ab")], "00x61 0x62"),
        Case("%#-10X", [.string("ab")], "0X6162    "),
        Case("%# -010X", [.string("ab")], "0X61 0X62 "),
        Case("%q", [.string("")], #""""#),
        Case("%#q", [.string("")], "``"),
        Case("%q", [.string("\"")], #""\"""#),
        Case("%#q", [.string("\"")], "`\"`"),
        Case("%q", [.string("`")], "\"`\""),
        Case("%#q", [.string("`")], "\"`\""),
        Case("%q", [.string("\n")], #""\n""#),
        Case("%#q", [.string("\n")], #""\n""#),
        Case("%q", [.string(#"\n"#)], #""\\n""#),
        Case("%#q", [.string(#"\n"#)], #"`\n`"#),
        Case("%q", [.string("日本語")], #""日本語""#),
        Case("%+q", [.string("日本語")], #""\u65e5\u672c\u8a9e""#),
        Case("%#+q", [.string("日本語")], "`日本語`"),
        Case("%q", [.string("\u{7}\u{8}\u{C}\n\r\t\u{B}\"\\")], #""\a\b\f\n\r\t\v\"\\""#),
        Case("%q", [.string("☺")], #""☺""#),
        Case("% q", [.string("☺")], #""☺""#),
        Case("%+q", [.string("☺")], #""\u263a""#),
        Case("%10q", [.string("⌘")], #"       "⌘""#),
        Case("%+10q", [.string("⌘")], #"  "\u2318""#),
        Case("%-10q", [.string("⌘")], #""⌘"       "#),
        Case("%010q", [.string("⌘")], #"0000000"⌘""#),
        Case("%+010q", [.string("⌘")], #"00"\u2318""#),
        Case("%-010q", [.string("⌘")], #""⌘"       "#),
        Case("%#8q", [.string("\n")], #"    "\n""#),
        Case("%#-8q", [.string("\t")], "`\t`     "),
        Case("%q", [.string("\u{10ffff}")], #""\U0010ffff""#),
        Case("%#q", [.string("\u{10ffff}")], "`\u{10ffff}`"),
        Case("%q", [.string("\u{0}\u{1f}\u{7f}\u{ad}\u{a0}")], #""\x00\x1f\x7f\u00ad\u00a0""#),
        Case("%q", [.string("\u{FEFF}")], #""\ufeff""#),
        Case("%#q", [.string("\u{FEFF}")], #""\ufeff""#),
        Case("%5s", [.string("abc")], "  abc"),
        Case("%2s", [.string("☺")], " ☺"),
        Case("%-5s", [.string("abc")], "abc  "),
        Case("%05s", [.string("abc")], "00abc"),
        Case("%0-5s", [.string("abc")], "abc  "),
        Case("%5s", [.string("abcdefghijklmnopqrstuvwxyz")], "abcdefghijklmnopqrstuvwxyz"),
        Case("%.5s", [.string("abcdefghijklmnopqrstuvwxyz")], "abcde"),
        Case("%.0s", [.string("日本語日本語")], ""),
        Case("%.5s", [.string("日本語日本語")], "日本語日本"),
        Case("%.10s", [.string("日本語日本語")], "日本語日本語"),
        Case("%08q", [.string("abc")], #"000"abc""#),
        Case("%-8q", [.string("abc")], #""abc"   "#),
        Case("%.5q", [.string("abcdefghijklmnopqrstuvwxyz")], #""abcde""#),
        Case("%.3q", [.string("日本語日本語")], #""日本語""#),
        Case("%10.1q", [.string("日本語日本語")], #"       "日""#),
        Case("%20.5s", [.string("qwertyuiop")], "               qwert"),
        Case("%-20.5s", [.string("qwertyuiop")], "qwert               "),
        Case("%#v", [.string("foo")], #""foo""#),
        Case("%+v", [.string("foo")], "foo"),
    ]

    static let floatCases: [Case] = [
        Case("%+.3e", [.float(0)], "+0.000e+00"),
        Case("%+.3e", [.float(1)], "+1.000e+00"),
        Case("%+.3x", [.float(0)], "+0x0.000p+00"),
        Case("%+.3x", [.float(1)], "+0x1.000p+00"),
        Case("%+.3f", [.float(-1)], "-1.000"),
        Case("%+.3F", [.float(-1)], "-1.000"),
        Case("%+07.2f", [.float(1)], "+001.00"),
        Case("%+07.2f", [.float(-1)], "-001.00"),
        Case("%-07.2f", [.float(1)], "1.00   "),
        Case("%-07.2f", [.float(-1)], "-1.00  "),
        Case("%+-07.2f", [.float(1)], "+1.00  "),
        Case("%+10.2f", [.float(1)], "     +1.00"),
        Case("% .3E", [.float(-1)], "-1.000E+00"),
        Case("% .3e", [.float(1)], " 1.000e+00"),
        Case("% .3X", [.float(-1)], "-0X1.000P+00"),
        Case("% .3x", [.float(1)], " 0x1.000p+00"),
        Case("%+.3g", [.float(0)], "+0"),
        Case("%+.3g", [.float(1)], "+1"),
        Case("%+.3g", [.float(-1)], "-1"),
        Case("% .3g", [.float(1)], " 1"),
        Case("%b", [.float(1)], "4503599627370496p-52"),
        Case("%#b", [.float(1)], "4503599627370496p-52"),
        Case("%.4b", [.float(-1)], "-4503599627370496p-52"),
        Case("%b", [.float(0)], "0p-1074"),
        Case("%#g", [.float(Double(bitPattern: 2))], "1.00000e-323"),
        Case("%#g", [.float(-1)], "-1.00000"),
        Case("%#g", [.float(1.1)], "1.10000"),
        Case("%#g", [.float(123456)], "123456."),
        Case("%#g", [.float(1234567)], "1.234567e+06"),
        Case("%#g", [.float(1230000)], "1.23000e+06"),
        Case("%#g", [.float(1000000)], "1.00000e+06"),
        Case("%#.0f", [.float(1)], "1."),
        Case("%#.0e", [.float(1)], "1.e+00"),
        Case("%#.0x", [.float(1)], "0x1.p+00"),
        Case("%#.0g", [.float(1)], "1."),
        Case("%#.0g", [.float(1100000)], "1.e+06"),
        Case("%#.4f", [.float(1)], "1.0000"),
        Case("%#.4e", [.float(1)], "1.0000e+00"),
        Case("%#.4x", [.float(1)], "0x1.0000p+00"),
        Case("%#.4g", [.float(1)], "1.000"),
        Case("%#.4g", [.float(100000)], "1.000e+05"),
        Case("%#.4g", [.float(1.234)], "1.234"),
        Case("%#.4g", [.float(0.1234)], "0.1234"),
        Case("%#.4g", [.float(1.23)], "1.230"),
        Case("%#.4g", [.float(0.123)], "0.1230"),
        Case("%#.4g", [.float(10.2)], "10.20"),
        Case("%#.4g", [.float(0)], "0.000"),
        Case("%#.4g", [.float(0.012)], "0.01200"),
        Case("%#.0f", [.float(123)], "123."),
        Case("%#.0e", [.float(123)], "1.e+02"),
        Case("%#.0x", [.float(123)], "0x1.p+07"),
        Case("%#.0g", [.float(123)], "1.e+02"),
        Case("%#.4x", [.float(123)], "0x1.ec00p+06"),
        Case("%#.4g", [.float(123)], "123.0"),
        Case("%#.4g", [.float(123000)], "1.230e+05"),
        Case("%#9.4g", [.float(1)], "    1.000"),
        Case("%.68f", [.float(1)], "1." + String(repeating: "0", count: 68)),
        Case("%.68f", [.float(-1)], "-1." + String(repeating: "0", count: 68)),
        Case("%e", [.float(1)], "1.000000e+00"),
        Case("%e", [.float(1234.5678e3)], "1.234568e+06"),
        Case("%e", [.float(1234.5678e-8)], "1.234568e-05"),
        Case("%e", [.float(-7)], "-7.000000e+00"),
        Case("%e", [.float(-1e-9)], "-1.000000e-09"),
        Case("%f", [.float(1234.5678e3)], "1234567.800000"),
        Case("%f", [.float(1234.5678e-8)], "0.000012"),
        Case("%f", [.float(-7)], "-7.000000"),
        Case("%f", [.float(-1e-9)], "-0.000000"),
        Case("%g", [.float(1234.5678e3)], "1.2345678e+06"),
        Case("%g", [.float(1234.5678e-8)], "1.2345678e-05"),
        Case("%g", [.float(-7)], "-7"),
        Case("%g", [.float(-1e-9)], "-1e-09"),
        Case("%E", [.float(1234.5678e3)], "1.234568E+06"),
        Case("%E", [.float(-1e-9)], "-1.000000E-09"),
        Case("%G", [.float(1234.5678e3)], "1.2345678E+06"),
        Case("%G", [.float(-7)], "-7"),
        Case("%G", [.float(-1e-9)], "-1E-09"),
        Case("%20.6e", [.float(1.2345e3)], "        1.234500e+03"),
        Case("%20.6e", [.float(1.2345e-3)], "        1.234500e-03"),
        Case("%20e", [.float(1.2345e3)], "        1.234500e+03"),
        Case("%20.8e", [.float(1.2345e3)], "      1.23450000e+03"),
        Case("%20f", [.float(1.23456789e3)], "         1234.567890"),
        Case("%20f", [.float(1.23456789e-3)], "            0.001235"),
        Case("%20f", [.float(12345678901.23456789)], "  12345678901.234568"),
        Case("%-20f", [.float(1.23456789e3)], "1234.567890         "),
        Case("%20.8f", [.float(1.23456789e3)], "       1234.56789000"),
        Case("%20.8f", [.float(1.23456789e-3)], "          0.00123457"),
        Case("%g", [.float(1.23456789e3)], "1234.56789"),
        Case("%g", [.float(1.23456789e-3)], "0.00123456789"),
        Case("%g", [.float(1.23456789e20)], "1.23456789e+20"),
        Case("%v", [.float(1.2345678)], "1.2345678"),
        Case("%#v", [.float(1.2345678)], "1.2345678"),
        Case("%#v", [.float(1)], "1"),
        Case("%#v", [.float(1000000)], "1e+06"),
        Case("%v", [.float(0.5)], "0.5"),
        Case("%v", [.float(100000)], "100000"),
        Case("%v", [.float(0.0001)], "0.0001"),
        Case("%v", [.float(0.00001)], "1e-05"),
        Case("%v", [.float(-0.0)], "-0"),
        Case("%v", [.float(0)], "0"),
        Case("%v", [.float(1e21)], "1e+21"),
        Case("%v", [.float(123456789.5)], "1.234567895e+08"),
        Case("%v", [.float(0.1 + 0.2)], "0.30000000000000004"),
        Case("%.2f", [.float(1)], "1.00"),
        Case("% .2f", [.float(1)], " 1.00"),
        Case("%+.2f", [.float(1)], "+1.00"),
        Case("%7.2f", [.float(-1)], "  -1.00"),
        Case("% 7.2f", [.float(1)], "   1.00"),
        Case("%+7.2f", [.float(1)], "  +1.00"),
        Case("% +7.2f", [.float(1)], "  +1.00"),
        Case("%07.2f", [.float(1)], "0001.00"),
        Case("%07.2f", [.float(-1)], "-001.00"),
        Case("% 07.2f", [.float(1)], " 001.00"),
        Case("% +07.2f", [.float(1)], "+001.00"),
        Case("%-05.1f", [.float(1)], "1.0  "),
        Case("%06v", [.float(10)], "000010"),
        Case("%06v", [.float(-10)], "-00010"),
        Case("%.1f", [.float(0.25)], "0.2"),
        Case("%.0f", [.float(2.5)], "2"),
        Case("%.3f", [.float(1.0005)], "1.000"),
        Case("%x", [.float(1.5)], "0x1.8p+00"),
        Case("%X", [.float(-1.5)], "-0X1.8P+00"),
        Case("%x", [.float(0.1)], "0x1.999999999999ap-04"),
        Case("%.1x", [.float(1.03125)], "0x1.0p+00"),
        Case("%.1x", [.float(1.09375)], "0x1.2p+00"),
        Case("%x", [.float(1e300)], "0x1.7e43c8800759cp+996"),
        Case("%x", [.float(Double.leastNonzeroMagnitude)], "0x1p-1074"),
        Case("%.3e", [.float(1e300)], "1.000e+300"),
        Case("%.0e", [.float(15)], "2e+01"),
        Case("%.3g", [.float(1234.5678)], "1.23e+03"),
        Case("%.10g", [.float(1234.5678)], "1234.5678"),
        Case("%.0g", [.float(15)], "2e+01"),
        Case("%.1f", [.float(1e20)], "100000000000000000000.0"),
    ]

    static let errorCases: [Case] = [
        Case("%d", [.string("hi")], "%!d(string=hi)"),
        Case("%5d", [.string("hi")], "%!d(string=   hi)"),
        Case("%s", [.int(5)], "%!s(int=5)"),
        Case("%d", [.float(1.5)], "%!d(float64=1.5)"),
        Case("%t", [.string("true")], "%!t(string=true)"),
        Case("%t", [.int(1)], "%!t(int=1)"),
        Case("%☠", [.int(0)], "%!☠(int=0)"),
        Case("%☠", [.string("hello")], "%!☠(string=hello)"),
        Case("%☠", [.float(1.2345678)], "%!☠(float64=1.2345678)"),
        Case("%p", [.int(27)], "%!p(int=27)"),
        Case("%w", [.int(1)], "%!w(int=1)"),
        Case("%#w", [.string("x")], "%!w(string=\"x\")"),
        Case("%#d", [.float(1.5)], "%!d(float64=1.50000)"),
        Case("%e", [.int(5)], "%!e(int=5)"),
        Case("%x", [.float(0)], "0x0p+00"),
        Case("hi%d", [], "hi%!d(MISSING)"),
        Case("%d %s", [.int(1)], "1 %!s(MISSING)"),
        Case("hi", [.string("guys")], "hi%!(EXTRA string=guys)"),
        Case("", [.int(2)], "%!(EXTRA int=2)"),
        Case("%d", [.int(1), .string("a"), .float(2.5)], "1%!(EXTRA string=a, float64=2.5)"),
        Case("%s %", [.string("hello")], "hello %!(NOVERB)"),
        Case("%s %.2", [.string("hello")], "hello %!(NOVERB)"),
        Case("%017091901790959340919092959340919017929593813360", [.int(0)], "%!(NOVERB)%!(EXTRA int=0)"),
        Case("%184467440737095516170v", [.int(0)], "%!(NOVERB)%!(EXTRA int=0)"),
        Case("%010.2", [.string("12345")], "%!(NOVERB)%!(EXTRA string=12345)"),
        Case("%.", [.int(3)], "%!.(int=3)"),
        Case("%*s", [.float(4.5), .string("hi")], "%!(BADWIDTH)hi"),
        Case("%.*s", [.float(4.5), .string("hi")], "%!(BADPREC)hi"),
        Case("%*d", [.int(5), .int(42)], "   42"),
        Case("%-*d", [.int(5), .int(42)], "42   "),
        Case("%*d", [.int(-5), .int(42)], "42   "),
        Case("%.*f", [.int(2), .float(3.14159)], "3.14"),
        Case("%.*d", [.int(-1), .int(42)], "%!(BADPREC)42"),
        Case("%*d", [.int(10_000_000), .int(1)], "%!(BADWIDTH)1"),
        Case("%%", [], "%"),
        Case("%5%", [], "%"),
        Case("100%% done", [], "100% done"),
        Case("%T %T %T", [.int(1), .float(1), .string("")], "int float64 string"),
        Case("%6T", [.int(1)], "   int"),
    ]

    static let reorderCases: [Case] = [
        Case("%[1]d", [.int(1)], "1"),
        Case("%[2]d", [.int(2), .int(1)], "1"),
        Case("%[2]d %[1]d", [.int(1), .int(2)], "2 1"),
        Case("%[2]*[1]d", [.int(2), .int(5)], "    2"),
        Case("%[3]*.[2]*[1]f", [.float(12), .int(2), .int(6)], " 12.00"),
        Case("%[1]*.[2]*[3]f", [.int(6), .int(2), .float(12)], " 12.00"),
        Case("%[1]*[3]f", [.int(10), .int(99), .float(12)], " 12.000000"),
        Case("%.[1]*[3]f", [.int(6), .int(99), .float(12)], "12.000000"),
        Case("%[1]*.[3]f", [.int(6), .int(3), .float(12)], "    12"),
        Case("%6.f", [.float(12)], "    12"),
        Case("%d %d %d %#[1]o %#o %#o", [.int(11), .int(12), .int(13)], "11 12 13 013 014 015"),
        Case("%[d", [.int(2), .int(1)], "%!d(BADINDEX)"),
        Case("%]d", [.int(2), .int(1)], "%!](int=2)d%!(EXTRA int=1)"),
        Case("%[]d", [.int(2), .int(1)], "%!d(BADINDEX)"),
        Case("%[-3]d", [.int(2), .int(1)], "%!d(BADINDEX)"),
        Case("%[99]d", [.int(2), .int(1)], "%!d(BADINDEX)"),
        Case("%[3]", [.int(2), .int(1)], "%!(NOVERB)"),
        Case("%[1].2d", [.int(5), .int(6)], "%!d(BADINDEX)"),
        Case("%[1]2d", [.int(2), .int(1)], "%!d(BADINDEX)"),
        Case("%3.[2]d", [.int(7)], "%!d(BADINDEX)"),
        Case("%.[2]d", [.int(7)], "%!d(BADINDEX)"),
        Case("%d %d %d %#[1]o %#o %#o %#o", [.int(11), .int(12), .int(13)], "11 12 13 013 014 015 %!o(MISSING)"),
        Case("%[5]d %[2]d %d", [.int(1), .int(2), .int(3)], "%!d(BADINDEX) 2 3"),
        Case("%d %[3]d %d", [.int(1), .int(2)], "1 %!d(BADINDEX) 2"),
        Case("%.[]", [], "%!](BADINDEX)"),
        Case("%.-3d", [.int(42)], "%!-(int=42)3d"),
        Case("%2147483648d", [.int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
        Case("%-2147483648d", [.int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
        Case("%.2147483648d", [.int(42)], "%!(NOVERB)%!(EXTRA int=42)"),
    ]

    @Test("integers", arguments: integerCases)
    func integers(item: Case) { Self.check(item) }

    @Test("strings", arguments: stringCases)
    func strings(item: Case) { Self.check(item) }

    @Test("floats", arguments: floatCases)
    func floats(item: Case) { Self.check(item) }

    @Test("format errors", arguments: errorCases)
    func errors(item: Case) { Self.check(item) }

    @Test("argument indexes", arguments: reorderCases)
    func reorder(item: Case) { Self.check(item) }

    @Test("mixed literal text and several verbs")
    func mixed() throws {
        let output = try GoSprintf.format("user %s ran %q (%d bytes, %.1f%%) at %v",
                                      [.string("bob"), .string("rm -rf /"), .int(42), .float(99.44), .float(1.5)])
        #expect(output == #"user bob ran "rm -rf /" (42 bytes, 99.4%) at 1.5"#)
    }

    @Test("non-ASCII literal text and verbs")
    func unicodeFormat() throws {
        #expect(try GoSprintf.format("é%sé", [.string("ü")]) == "éüé")
        #expect(try GoSprintf.format("%é", [.int(1)]) == "%!é(int=1)")
    }

    @Test("large widths and precisions are honoured up to Go's limit")
    func largeWidth() throws {
        #expect(try GoSprintf.format("%1000000d", [.int(1)]).utf8.count == 1_000_000)
        #expect(try GoSprintf.format("%.1000f", [.float(0.1)]).hasPrefix("0.1000000000000000055511151231257827021181583404541015625000"))
    }

    static let big = GoFormatArgument(numberLiteral: "12345678901234567890")
    static let negativeBig = GoFormatArgument(numberLiteral: "-98765432109876543210")

    // Expected texts are what Go prints for a *big.Int with these verbs and flags.
    static let bigIntCases: [Case] = [
        Case("%d", [big], "12345678901234567890"),
        Case("%v", [big], "12345678901234567890"),
        Case("%s", [big], "12345678901234567890"),
        Case("%d", [negativeBig], "-98765432109876543210"),
        Case("%+d", [big], "+12345678901234567890"),
        Case("% d", [big], " 12345678901234567890"),
        Case("%25d", [big], "     12345678901234567890"),
        Case("%-25d|", [big], "12345678901234567890     |"),
        Case("%025d", [big], "0000012345678901234567890"),
        Case("%025d", [negativeBig], "-000098765432109876543210"),
        Case("%.22d", [big], "0012345678901234567890"),
        Case("%x", [big], "ab54a98ceb1f0ad2"),
        Case("%X", [big], "AB54A98CEB1F0AD2"),
        Case("%#x", [big], "0xab54a98ceb1f0ad2"),
        Case("%o", [big], "1255245230635307605322"),
        Case("%O", [big], "0o1255245230635307605322"),
        Case("%b", [GoFormatArgument(numberLiteral: "18446744073709551616")], "1" + String(repeating: "0", count: 64)),
        Case("%x", [GoFormatArgument(numberLiteral: "-340282366920938463463374607431768211456")], "-100000000000000000000000000000000"),
        Case("%f", [big], "%!f(big.Int=12345678901234567890)"),
        Case("%T", [big], "*big.Int"),
        Case("%d %d", [big, .int(1), big], "12345678901234567890 1%!(EXTRA *big.Int=12345678901234567890)"),
    ]

    @Test("integers beyond Int64 print as Go prints a *big.Int", arguments: bigIntCases)
    func bigIntegers(item: Case) { Self.check(item) }

    @Test("numbers beyond a double keep their literal, as OPA passes them on as strings")
    func outOfRangeLiterals() throws {
        #expect(GoFormatArgument(numberLiteral: "1e400") == .string("1e400"))
        #expect(try GoSprintf.format("%v %d", [GoFormatArgument(numberLiteral: "1e400"), GoFormatArgument(numberLiteral: "-1E999")])
            == "1e400 %!d(string=-1E999)")
        #expect(GoFormatArgument(numberLiteral: "1.5e3") == .float(1500))
    }

    @Test("a huge integer in another base is refused instead of running for minutes")
    func hugeBigIntInAnotherBase() throws {
        let digits = String(repeating: "7", count: GoFormatter.maxBigIntDigitsForBaseConversion + 1)
        #expect(try GoSprintf.format("%d", [GoFormatArgument(numberLiteral: digits)]) == digits)
        #expect(throws: GoFormatter.BigIntTooLarge.self) {
            try GoSprintf.format("%x", [GoFormatArgument(numberLiteral: digits)])
        }
    }
}
