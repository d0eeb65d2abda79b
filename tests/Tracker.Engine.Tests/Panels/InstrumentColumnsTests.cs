using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Tests.Panels;

public class InstrumentColumnsTests
{
    [Fact]
    public void A_short_instrument_stays_in_the_one_column_older_rows_use()
    {
        var entity = new PanelEntity();

        InstrumentColumns.Write(entity, "{\"id\":\"x\"}");

        Assert.Equal("{\"id\":\"x\"}", entity.InstrumentJson);
        Assert.Null(entity.InstrumentJson2);
        Assert.Equal("{\"id\":\"x\"}", InstrumentColumns.Read(entity));
    }

    [Fact]
    public void A_long_instrument_is_spread_over_columns_each_within_a_table_property_and_read_back_whole()
    {
        var json = string.Concat(Enumerable.Range(0, 9_000).Select(i => $"\"item_{i}\","));
        var entity = new PanelEntity { InstrumentJson8 = "stale" };

        InstrumentColumns.Write(entity, json);

        Assert.InRange(json.Length, 3 * InstrumentColumns.PartLength, 4 * InstrumentColumns.PartLength);
        Assert.All(new[] { entity.InstrumentJson, entity.InstrumentJson2, entity.InstrumentJson3, entity.InstrumentJson4 }, p => Assert.InRange(p!.Length, 1, 32_767));
        Assert.Null(entity.InstrumentJson5);
        Assert.Null(entity.InstrumentJson8);
        Assert.Equal(json, InstrumentColumns.Read(entity));
    }

    [Fact]
    public void Never_cuts_a_surrogate_pair_in_half()
    {
        var json = new string('a', InstrumentColumns.PartLength - 1) + "😀" + "b";

        var parts = InstrumentColumns.Split(json);

        Assert.Equal(2, parts.Count);
        Assert.Equal(InstrumentColumns.PartLength - 1, parts[0].Length);
        Assert.Equal("😀b", parts[1]);
    }

    [Fact]
    public void Refuses_more_than_a_row_holds()
    {
        Assert.Throws<InvalidOperationException>(() => InstrumentColumns.Write(new PanelEntity(), new string('a', InstrumentColumns.MaxLength + 1)));
    }
}
