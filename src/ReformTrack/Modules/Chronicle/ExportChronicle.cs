using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

/// <summary>
/// The chronicle of a range of years as a .docx or Markdown document: a heading per year, oldest
/// first as a printed chronicle reads, each event with its date, category and title. The reader's
/// scope and the look-back page's filters apply.
/// </summary>
internal sealed class ExportChronicle(ListChronicle list)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string MarkdownContentType = "text/markdown; charset=utf-8";

    public static string FileName(ChronicleFilter filter, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"chronicle-{filter.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "all"}-{filter.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "all"}.{extension}");

    public async Task<string> MarkdownAsync(ChronicleFilter filter, CancellationToken cancellationToken = default)
    {
        var years = await list.LookBackAsync(filter, oldestFirst: true, cancellationToken);
        var text = new StringBuilder();
        text.Append("# ").Append(Heading(filter)).Append("\n\n");
        if (years.Count == 0)
        {
            text.Append("无记录。No events.\n");
        }

        foreach (var year in years)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {year.Year}\n\n");
            foreach (var e in year.Events)
            {
                text.Append(CultureInfo.InvariantCulture, $"- **{e.DateText}** [{ChronicleLabels.Bilingual(e.Category)}] {Escape(e.Title)}\n");
                if (e.Description is { } description)
                {
                    text.Append("  ").Append(Escape(description).ReplaceLineEndings("\n  ")).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public async Task WriteDocxAsync(ChronicleFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var years = await list.LookBackAsync(filter, oldestFirst: true, cancellationToken);
        var body = new Body(Paragraph(Heading(filter), bold: true, halfPoints: 32));
        if (years.Count == 0)
        {
            body.Append(Paragraph("无记录。No events."));
        }

        foreach (var year in years)
        {
            body.Append(Paragraph(year.Year.ToString(CultureInfo.InvariantCulture), bold: true, halfPoints: 28));
            foreach (var e in year.Events)
            {
                body.Append(new Paragraph(
                    Run($"{e.DateText}　", bold: true),
                    Run($"［{ChronicleLabels.Bilingual(e.Category)}］"),
                    Run(e.Title)));
                if (e.Description is { } description)
                {
                    body.Append(Paragraph(description));
                }
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1247U, Bottom = 1440, Left = 1247U, Header = 851U, Footer = 992U, Gutter = 0U }));

        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(body);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static string Heading(ChronicleFilter filter) => (filter.FromYear, filter.ToYear) switch
    {
        ({ } from, { } to) when from == to => string.Create(CultureInfo.InvariantCulture, $"{from} 年大事记 Chronicle {from}"),
        ({ } from, { } to) => string.Create(CultureInfo.InvariantCulture, $"{from}—{to} 年大事记 Chronicle {from}–{to}"),
        ({ } from, null) => string.Create(CultureInfo.InvariantCulture, $"{from} 年以来大事记 Chronicle since {from}"),
        (null, { } to) => string.Create(CultureInfo.InvariantCulture, $"{to} 年以前大事记 Chronicle until {to}"),
        _ => "大事记 Chronicle",
    };

    /// <summary>Markdown's own characters in a title would change the list's layout.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '#' or '`' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static Run Run(string text, bool bold = false, int? halfPoints = null)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "SimSun" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Paragraph(string text, bool bold = false, int? halfPoints = null) =>
        halfPoints is null
            ? new Paragraph(Run(text, bold))
            : new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }), Run(text, bold, halfPoints));
}
