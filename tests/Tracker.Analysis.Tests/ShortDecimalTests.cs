using System.Globalization;
using Tracker.Analysis.Data;

namespace Tracker.Analysis.Tests;

/// <summary>The short-decimal shortcut gives the very double the general parser gives (to the bit, the sign of zero too), or declines.</summary>
public class ShortDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0")]
    [InlineData("-0.0")]
    [InlineData("007")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("6.5236")]
    [InlineData("-0.5647")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("2.675")]
    [InlineData("123456789012345")]
    [InlineData("0.00000000000001")]
    [InlineData("9007199254740.99")]
    [InlineData("999999999999999")]
    public void Short_decimals_read_as_the_general_parser_reads_them(string text) => AssertSame(text, expectShortcut: true);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("NA")]
    [InlineData("1234567890123456")]
    [InlineData("0.1234567890123456")]
    [InlineData("1,5")]
    [InlineData("--1")]
    public void Other_shapes_are_left_to_the_general_parser(string text) => AssertSame(text, expectShortcut: false);

    [Fact]
    public void Random_short_decimals_read_to_the_same_bits()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 200_000; trial++)
        {
            var digits = random.Next(1, 16);
            var text = new char[digits];
            for (var k = 0; k < digits; k++) text[k] = (char)('0' + random.Next(10));
            var point = random.Next(0, digits + 1);
            var s = point == digits ? new string(text) : new string(text, 0, point) + "." + new string(text, point, digits - point);
            if (random.Next(3) == 0) s = "-" + s;
            AssertSame(s, expectShortcut: true);
        }
    }

    [Theory]
    [InlineData("example_panel.csv")]
    [InlineData("heavy_attrition.csv")]
    [InlineData("sleepstudy.csv")]
    [InlineData("items_panel.csv")]
    public void Every_cell_of_the_reference_panels_reads_as_before(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", name);
        var cells = File.ReadAllLines(path).Skip(1).SelectMany(line => line.Split(','));
        var shortcuts = 0;
        foreach (var cell in cells)
        {
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var general)) continue;
            Assert.True(TableColumn.TryParseNumber(cell, out var value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(general), BitConverter.DoubleToInt64Bits(value));
            if (ShortDecimal.TryParse(cell, out var quick))
            {
                shortcuts++;
                Assert.Equal(BitConverter.DoubleToInt64Bits(general), BitConverter.DoubleToInt64Bits(quick));
            }
        }
        Assert.True(shortcuts > 0);
    }

    private static void AssertSame(string text, bool expectShortcut)
    {
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var general);
        var quick = ShortDecimal.TryParse(text, out var value);
        Assert.Equal(expectShortcut, quick);
        if (!quick) return;
        Assert.True(parsed, $"'{text}' took the shortcut but the general parser rejects it");
        Assert.True(BitConverter.DoubleToInt64Bits(general) == BitConverter.DoubleToInt64Bits(value), $"'{text}': {value:R} against {general:R}");
    }
}
