using System.IO.Compression;
using System.Security;
using System.Text;
using MiniExcelLibs;

namespace ReformTrack.Testing;

/// <summary>Ledger files as an office would send them: .xlsx written by MiniExcel or by hand, CSV in UTF-8 or GB18030.</summary>
public static class LedgerFiles
{
    public static readonly string[] EnglishHeader =
    [
        "Measure code", "Title", "Document number", "Clause", "Objective code", "Lead unit", "Co-units",
        "Responsible person", "Start", "Due", "Status", "Status reason", "Progress (%)", "Report period",
        "Reported percent", "Work done", "Obstacles", "Next steps", "Delivery confidence", "Explanation", "Reported by",
    ];

    public static readonly string[] ChineseHeader =
    [
        "举措编号", "举措名称", "文件文号", "条款", "目标编号", "牵头单位", "配合单位", "责任人", "开始日期", "完成时限",
        "状态", "状态说明", "进度(%)", "报送期", "报送进度(%)", "已完成工作", "存在问题", "下步计划", "完成把握", "滞后说明", "报送人",
    ];

    public static byte[] Xlsx(IEnumerable<string?[]> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Length);
        using var stream = new MemoryStream();
        stream.SaveAs(list.Select(r => ToCells([.. r, .. new string?[width - r.Length]])).ToList(), printHeader: false);
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<string?[]> rows, Encoding encoding, bool bom = false)
    {
        var text = string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n"));
        var bytes = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. bytes] : bytes;
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    /// <summary>
    /// An .xlsx written part by part, for what MiniExcel does not write: a cell given as
    /// "=FORMULA|cached value" holds a formula with its last calculated value; merges are ranges like "B3:B4".
    /// </summary>
    public static byte[] HandmadeXlsx(IReadOnlyList<string?[]> rows, params string[] merges)
    {
        // Text goes to the shared-string table, as Excel writes it.
        var strings = new List<string>();
        int Shared(string text)
        {
            var index = strings.IndexOf(text);
            if (index < 0)
            {
                strings.Add(text);
                index = strings.Count - 1;
            }

            return index;
        }

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Write(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ledger" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{Column(c)}{r + 1}";
                    if (rows[r][c] is not { } value)
                    {
                        // Excel keeps the covered cells of a merged range as empty cells.
                        sheet.Append($"<c r=\"{reference}\"/>");
                        continue;
                    }

                    if (value.StartsWith('=') && value.Split('|') is [var formula, var cached])
                    {
                        sheet.Append($"<c r=\"{reference}\" t=\"str\"><f>{SecurityElement.Escape(formula[1..])}</f><v>{SecurityElement.Escape(cached)}</v></c>");
                    }
                    else
                    {
                        sheet.Append($"<c r=\"{reference}\" t=\"s\"><v>{Shared(value)}</v></c>");
                    }
                }

                sheet.Append("</row>");
            }

            sheet.Append("</sheetData>");
            if (merges.Length > 0)
            {
                sheet.Append($"<mergeCells count=\"{merges.Length}\">");
                foreach (var merge in merges)
                {
                    sheet.Append($"<mergeCell ref=\"{merge}\"/>");
                }

                sheet.Append("</mergeCells>");
            }

            sheet.Append("</worksheet>");
            Write(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
            Write(zip, "xl/sharedStrings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + string.Concat(strings.Select(t => $"<si><t>{SecurityElement.Escape(t)}</t></si>")) + "</sst>");
        }

        return stream.ToArray();
    }

    /// <summary>MiniExcel's own reading of a file's first sheet, as text rows.</summary>
    public static List<string?[]> ReadXlsx(byte[] content, string? sheet = null)
    {
        using var stream = new MemoryStream(content);
        return stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToArray())
            .ToList();
    }

    public static IReadOnlyList<string> SheetNames(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return stream.GetSheetNames();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static Dictionary<string, object?> ToCells(string?[] row)
    {
        var cells = new Dictionary<string, object?>();
        for (var i = 0; i < row.Length; i++)
        {
            cells[Column(i)] = row[i];
        }

        return cells;
    }

    private static string Quote(string? cell) =>
        cell is null ? ""
        : cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;
}
