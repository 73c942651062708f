using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReformTrack.Data;
using ReformTrack.Localization;
using ReformTrack.Modules.Exchange;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Indicators;

/// <summary>One observation a file row would record.</summary>
internal sealed record ObservationChange(int Row, string IndicatorCode, DateOnly On, double Value, string? UnitCode);

internal sealed record ObservationImportResult(bool Applied, int Observations, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ObservationChange> Changes);

/// <summary>
/// Imports observations from a spreadsheet (.xlsx or .csv, read as the ledger import reads them):
/// columns Indicator (code), Date, Value, Unit (code, blank for the whole area), Weight, Source.
/// Every row is checked by <see cref="Indicator.Record"/> and every error names its row and column;
/// applying writes all rows in one transaction, or none when any row has an error.
/// </summary>
internal sealed class ImportObservations(ScopedDb dbFactory, TimeProvider clock, ImportLimits limits,
    IStringLocalizer<ErrorText> errorText)
{
    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("Indicator", ["indicator", "指标", "code", "指标代码"]),
        ("Date", ["date", "日期", "on"]),
        ("Value", ["value", "数值", "值"]),
        ("Unit", ["unit", "单位"]),
        ("Weight", ["weight", "权重"]),
        ("Source", ["source", "来源"]),
    ];

    public Task<ObservationImportResult> PreviewAsync(byte[] content, string actor, CancellationToken cancellationToken = default) =>
        RunAsync(content, actor, apply: false, cancellationToken);

    public Task<ObservationImportResult> ApplyAsync(byte[] content, string actor, CancellationToken cancellationToken = default) =>
        RunAsync(content, actor, apply: true, cancellationToken);

    private async Task<ObservationImportResult> RunAsync(byte[] content, string actor, bool apply, CancellationToken cancellationToken)
    {
        var table = LedgerFile.Read(content, limits);
        var index = Columns.ToDictionary(c => c.Column, c => table.Headers.ToList().FindIndex(h =>
            h is not null && c.Names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)));
        var errors = new List<ImportError>();
        foreach (var required in new[] { "Indicator", "Date", "Value" })
        {
            if (index[required] < 0)
            {
                errors.Add(Error(1, required, null, new RuleViolation("ImportFileHasColumn",
                    $"The file has no column {required}.", required, required)));
            }
        }

        if (errors.Count > 0)
        {
            return new ObservationImportResult(false, 0, errors, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicators = await db.Indicators.Include(i => i.Observations).ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase,
            cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase,
            cancellationToken);
        var changes = new List<ObservationChange>();
        var now = clock.UtcNow();

        foreach (var row in table.Rows)
        {
            string? Cell(string column) => index[column] is var i and >= 0 && i < row.Cells.Count ? row.Cells[i]?.Trim() : null;

            var code = Cell("Indicator");
            if (code is null || !indicators.TryGetValue(code, out var indicator))
            {
                errors.Add(Error(row.Number, "Indicator", code, code is null
                    ? new RuleViolation("FieldIsRequired", "Indicator is required.", "Indicator", "Indicator")
                    : new RuleViolation("IndicatorCodeIsKnown", $"There is no indicator with the code {code}.", "Indicator", code)));
                continue;
            }

            var dateText = Cell("Date");
            if (!TryDate(dateText, out var on))
            {
                errors.Add(Error(row.Number, "Date", dateText, new RuleViolation("DateIsADate",
                    "The date must be a date such as 2021-12-31.", "Date")));
                continue;
            }

            var valueText = Cell("Value");
            if (!TryNumber(valueText, out var value))
            {
                errors.Add(Error(row.Number, "Value", valueText, new RuleViolation("ValueIsANumber", "The value must be a number.", "Value")));
                continue;
            }

            int? unitId = null;
            var unitCode = Cell("Unit");
            if (unitCode is not null)
            {
                if (!units.TryGetValue(unitCode, out var id))
                {
                    errors.Add(Error(row.Number, "Unit", unitCode, new RuleViolation("UnitCodeIsKnown",
                        $"There is no unit with the code {unitCode}.", "Unit", unitCode)));
                    continue;
                }

                unitId = id;
            }

            double? weight = null;
            var weightText = Cell("Weight");
            if (weightText is not null)
            {
                if (!TryNumber(weightText, out var w))
                {
                    errors.Add(Error(row.Number, "Weight", weightText, new RuleViolation("ValueIsANumber", "The value must be a number.", "Weight")));
                    continue;
                }

                weight = w;
            }

            try
            {
                indicator.Record(on, value, unitId, weight, Cell("Source"), actor, now);
                changes.Add(new ObservationChange(row.Number, indicator.Code, on, value, unitCode));
            }
            catch (RuleViolation violation)
            {
                var column = violation.Field switch
                {
                    "weight" => "Weight",
                    "on" => "Date",
                    "source" => "Source",
                    _ => "Value",
                };
                errors.Add(Error(row.Number, column, Cell(column), violation));
            }
        }

        if (!apply || errors.Count > 0)
        {
            return new ObservationImportResult(false, changes.Count, errors, changes);
        }

        foreach (var indicator in indicators.Values.Where(i => changes.Any(c => c.IndicatorCode == i.Code)))
        {
            db.Entry(indicator).State = EntityState.Modified;
        }

        // One save: the observations and their audit entries are written together, or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return new ObservationImportResult(true, changes.Count, [], changes);
    }

    private ImportError Error(int row, string column, string? value, RuleViolation violation) =>
        new(row, column, value, violation.Rule, errorText.Describe(violation));

    private static bool TryDate(string? text, out DateOnly on)
    {
        on = default;
        if (text is null)
        {
            return false;
        }

        if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            on = DateOnly.FromDateTime(dateTime);
            return true;
        }

        // Excel serial dates, when a cell was read as its number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
        {
            on = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    private static bool TryNumber(string? text, out double value)
    {
        value = 0;
        return text is not null
               && double.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }
}
