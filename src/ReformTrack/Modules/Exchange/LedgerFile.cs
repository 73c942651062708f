using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Exchange;

/// <summary>How much one import may hold; anything larger is refused with a message saying so.</summary>
internal sealed record ImportLimits
{
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    public int MaxRows { get; init; } = 50_000;
    public int MaxCellLength { get; init; } = 4000;
}

/// <summary>One data row as read: its row number in the file and its cells as text (null when empty).</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>A file's header row and its data rows, blank rows left out.</summary>
internal sealed record SheetTable(IReadOnlyList<string?> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads an uploaded ledger, .xlsx or .csv, into text cells; writes CSV. An .xlsx is known by
/// its content (a zip), not its name. Formulas read as the value Excel last calculated; a merged
/// range gives its value to every cell it covers. CSV may be UTF-8 (with or without BOM) or
/// GB18030/GBK, told apart by whether the bytes are valid UTF-8.
/// </summary>
internal static class LedgerFile
{
    static LedgerFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    public static SheetTable Read(byte[] content, ImportLimits limits)
    {
        if (content.Length == 0)
        {
            throw new RuleViolation("ImportFileIsNotEmpty", "The file is empty.", "file");
        }

        if (content.Length > limits.MaxFileBytes)
        {
            throw TooLarge(content.Length, limits);
        }

        var rows = IsZip(content) ? ReadXlsx(content, limits) : ReadCsv(content, limits);
        var nonBlank = rows.Where(r => r.Cells.Any(c => c is not null)).ToList();
        if (nonBlank.Count == 0)
        {
            throw new RuleViolation("ImportFileIsNotEmpty", "The file is empty.", "file");
        }

        var header = nonBlank[0];
        var data = nonBlank.Skip(1).ToList();
        if (data.Count == 0)
        {
            throw new RuleViolation("ImportFileHasRows", "The file has a header but no measures under it.", "file");
        }

        return new SheetTable(header.Cells, data);
    }

    public static RuleViolation TooLarge(long bytes, ImportLimits limits) =>
        new("ImportFileFitsSizeLimit",
            $"The file is {Megabytes(bytes)} MB; an import takes at most {Megabytes(limits.MaxFileBytes)} MB.",
            "file", Megabytes(bytes), Megabytes(limits.MaxFileBytes));

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture);

    private static bool IsZip(byte[] content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static List<SheetRow> ReadXlsx(byte[] content, ImportLimits limits)
    {
        var rows = new List<SheetRow>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var configuration = new OpenXmlConfiguration { FillMergedCells = true };
            var number = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX,
                         configuration: configuration))
            {
                number++;
                var cells = row.Values.Select(CellText).ToList();
                while (cells.Count > 0 && cells[^1] is null)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                if (cells.Count > 0)
                {
                    CheckRowCount(rows.Count, limits);
                    rows.Add(new SheetRow(number, cells));
                }
            }
        }
        catch (RuleViolation)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException
                                      or InvalidOperationException or NullReferenceException or ArgumentException
                                      or IndexOutOfRangeException or FormatException or NotSupportedException)
        {
            throw NotASpreadsheet();
        }

        return rows;
    }

    private static RuleViolation NotASpreadsheet() =>
        new("ImportFileIsASpreadsheet",
            "The file cannot be read as a spreadsheet; upload the ledger as .xlsx or .csv.", "file");

    private static void CheckRowCount(int rowsSoFar, ImportLimits limits)
    {
        // The header row is one of the rows read; the limit counts measures.
        if (rowsSoFar > limits.MaxRows)
        {
            throw new RuleViolation("ImportFileFitsRowLimit",
                $"The file has more than {limits.MaxRows} rows; split it into files of at most {limits.MaxRows} measures.",
                "file", limits.MaxRows);
        }
    }

    /// <summary>A cell's value as text: numbers in invariant form, dates as yyyy-MM-dd.</summary>
    private static string? CellText(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            double n => n.ToString("R", CultureInfo.InvariantCulture),
            decimal n => n.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static List<SheetRow> ReadCsv(byte[] content, ImportLimits limits)
    {
        if (content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0))
        {
            throw NotASpreadsheet();
        }

        var text = Decode(content);
        var rows = new List<SheetRow>();
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        var i = 0;

        void EndCell()
        {
            var value = cell.ToString().Trim();
            cells.Add(value.Length == 0 ? null : value);
            cell.Clear();
        }

        void EndRow()
        {
            EndCell();
            if (cells.Any(c => c is not null))
            {
                CheckRowCount(rows.Count, limits);
                rows.Add(new SheetRow(rowStart, cells.ToList()));
            }

            cells.Clear();
            rowStart = line;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    if (c != '\r')
                    {
                        cell.Append(c);
                    }
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    break;
                case ',':
                    EndCell();
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    EndRow();
                    break;
                default:
                    cell.Append(c);
                    break;
            }

            i++;
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return rows;
    }

    private static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(content);
        }
    }

    /// <summary>Writes rows as CSV in UTF-8 with a BOM, so that Excel shows the Chinese text.</summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> header,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvLine(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string CsvLine(IReadOnlyList<string?> cells) =>
        string.Join(',', cells.Select(Quote)) + "\r\n";

    private static string Quote(string? cell) =>
        cell is null ? ""
        : cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell != cell.Trim() ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;
}
