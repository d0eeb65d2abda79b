using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Demo;

namespace Tracker.Cli.Summaries;

/// <summary>Prints the stored model's decay fit (initial, plateau, half-life with 95% CIs) beside the simulation's truth.</summary>
public static class ModelVersusTruthPrinter
{
    public static void Print(JsonElement model, DemoTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var decay = model.GetProperty("analysis").GetProperty("decay");
        var table = new Table().Border(TableBorder.Rounded).Title("Willingness model (decay to a plateau) vs the simulation")
            .AddColumn("Parameter").AddColumn(new TableColumn("Fitted").RightAligned()).AddColumn(new TableColumn("95% CI").RightAligned()).AddColumn(new TableColumn("Truth").RightAligned());
        if (!decay.GetProperty("converged").GetBoolean())
        {
            AnsiConsole.MarkupLine("[yellow]The decay curve did not converge: there is no clear decay in these data.[/]");
            return;
        }

        Row(table, "Initial", decay.GetProperty("initial"), truth.Initial, "0.00");
        Row(table, "Plateau", decay.GetProperty("plateau"), truth.Plateau, "0.00");
        Row(table, "Half-life (days)", decay.GetProperty("half_life"), truth.HalfLifeDays, "0.0");
        AnsiConsole.Write(table);

        if (model.GetProperty("analysis").GetProperty("growth").TryGetProperty("fixed", out var fixedEffects) && fixedEffects.TryGetProperty("days", out var days))
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Growth model: willingness changes by {0:0.0000} per day (95% CI {1:0.0000} to {2:0.0000}).",
                days.GetProperty("estimate").GetDouble(), days.GetProperty("ci_lower").GetDouble(), days.GetProperty("ci_upper").GetDouble());
        }
    }

    private static void Row(Table table, string name, JsonElement estimate, double truth, string format) =>
        table.AddRow(
            name,
            estimate.GetProperty("estimate").GetDouble().ToString(format, CultureInfo.InvariantCulture),
            $"{estimate.GetProperty("ci_lower").GetDouble().ToString(format, CultureInfo.InvariantCulture)} to {estimate.GetProperty("ci_upper").GetDouble().ToString(format, CultureInfo.InvariantCulture)}",
            truth.ToString(format, CultureInfo.InvariantCulture));
}
