using MiniExcelLibs;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Appraisal;

/// <summary>A run's ranking as .xlsx: one row a unit, its score, rank and grade, then each criterion's raw value and points.</summary>
internal sealed class ExportAppraisal(ReadAppraisal read)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task WriteXlsxAsync(int runId, Stream output, CancellationToken cancellationToken = default)
    {
        var run = await read.GetAsync(runId, cancellationToken);
        var rows = run.Results.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["排名 Rank"] = r.Rank,
                ["单位代码 Unit code"] = r.UnitCode,
                ["单位 Unit"] = r.UnitName,
                ["得分 Score"] = r.Score,
                ["等次 Grade"] = AppraisalLabels.Chinese(r.Grade) + " " + r.Grade,
            };
            foreach (var criterion in run.Criteria)
            {
                var value = r.Values.FirstOrDefault(v => v.Kind == criterion.Kind);
                row[$"{criterion.Kind} raw"] = value?.Raw;
                row[$"{criterion.Kind} points"] = value?.Contribution;
            }

            return row;
        }).ToList();
        var sheet = $"{run.Run.SchemeCode}-{run.Run.From.Year}-e{run.Run.Edition}";
        await output.SaveAsAsync(rows, sheetName: sheet.Length > 31 ? sheet[..31] : sheet, excelType: ExcelType.XLSX,
            cancellationToken: cancellationToken);
    }
}
