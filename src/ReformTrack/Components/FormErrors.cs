using System.Globalization;
using ReformTrack.Shared;

namespace ReformTrack.Components;

/// <summary>
/// The messages an office form shows: a rule violation next to its field when the form has
/// that field, otherwise above the buttons.
/// </summary>
internal sealed class FormErrors(params string[] fields)
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? General { get; private set; }

    public void Clear()
    {
        _byField.Clear();
        General = null;
    }

    public void Show(string? field, string message)
    {
        if (field is not null && fields.Contains(field, StringComparer.OrdinalIgnoreCase))
        {
            _byField[field] = message;
        }
        else
        {
            General = message;
        }
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string For(string field) => _byField.GetValueOrDefault(field) ?? "";

    /// <summary>A date typed as yyyy-MM-dd; empty is none, anything else breaks a rule on the field.</summary>
    public static DateOnly? Date(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new RuleViolation("DateIsWrittenAsYearMonthDay", "Write the date as yyyy-MM-dd.", field);

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
