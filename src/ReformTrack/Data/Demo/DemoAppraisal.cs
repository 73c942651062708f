using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Data;

/// <summary>
/// The appraisal demo: the published 2021 scheme, the published 2021 appraisal of the districts and
/// counties computed by the engine from the demo ledger, one manual adjustment, and one decided
/// appeal whose acceptance made a second edition (the first is kept as superseded).
/// </summary>
internal sealed class DemoAppraisal(AppraisalFigures figures) : IDemoPart
{
    public const string SchemeCode = "FZ-KP";
    public const string SchemeTitle = "福州市全面深化改革绩效考评办法（2021年版）";
    private const string Office = "市委改革办";

    private static readonly DateOnly From = new(2021, 1, 1);
    private static readonly DateOnly To = new(2021, 12, 31);

    public int Order => 40;

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var scheme = AppraisalScheme.New(SchemeCode, SchemeTitle, GradeBands.Default,
        [
            new CriterionInput(CriterionKind.CompletionRate, Weight: 30),
            new CriterionInput(CriterionKind.OnTimeRate, Weight: 25),
            new CriterionInput(CriterionKind.ReportPunctuality, Weight: 20, DeadlineDay: 5),
            new CriterionInput(CriterionKind.ReviewQuality, Weight: 15),
            new CriterionInput(CriterionKind.OverduePenalty, PointsPerItem: 0.02m, Cap: 10),
            new CriterionInput(CriterionKind.PilotBonus, PointsPerItem: 2, Cap: 6),
            new CriterionInput(CriterionKind.CaseBonus, PointsPerItem: 3, Cap: 6),
            new CriterionInput(CriterionKind.ReplicationBonus, PointsPerItem: 1, Cap: 5),
            new CriterionInput(CriterionKind.ManualAdjustment, Cap: 5),
        ]);
        scheme.CreatedAt = At(2021, 1, 10);
        scheme.Publish(Office, At(2021, 1, 15));
        db.AppraisalSchemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);

        var root = await db.Units.Where(u => u.ParentId == null && u.Kind == UnitKind.Commission).OrderBy(u => u.Id)
            .FirstAsync(cancellationToken);
        var subjects = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == root.Id && u.Kind == UnitKind.DistrictOffice)
            .OrderBy(u => u.Code)
            .Select(u => new AppraisalSubject(u.Id, u.Code, u.Name, u.Path))
            .ToListAsync(cancellationToken);
        var units = subjects.ToDictionary(s => s.Id, s => (s.Code, s.Name));

        var run = new AppraisalRun
        {
            SchemeId = scheme.Id,
            SchemeCode = scheme.Code,
            From = From,
            To = To,
            RootUnitId = root.Id,
            SubjectKind = nameof(UnitKind.DistrictOffice),
            CreatedAt = At(2022, 1, 20),
            CreatedBy = Office,
            Values = await figures.ComputeAsync(db, scheme, subjects, From, To, new DateOnly(2022, 1, 20), cancellationToken),
        };
        var newArea = subjects.First(s => s.Code == "FZ-XQ").Id;
        var adjustment = run.Values.First(v => v.UnitId == newArea && v.Kind == CriterionKind.ManualAdjustment);
        adjustment.Raw = 2;
        adjustment.Note = "承担国家级新区体制机制改革任务，经市委改革办审定加2分";
        run.Score(scheme, units);
        run.Publish(Office, At(2022, 1, 25), scheme.Status);
        db.AppraisalRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        // 台江区 appealed its report punctuality: two reports were sent on time through the old channel.
        var taijiang = subjects.First(s => s.Code == "FZ-TJ").Id;
        var punctuality = run.Values.First(v => v.UnitId == taijiang && v.Kind == CriterionKind.ReportPunctuality);
        var corrected = punctuality.Denominator is > 0
            ? ScoringEngine.Rate(Math.Min(punctuality.Denominator.Value, punctuality.Numerator!.Value + 2), punctuality.Denominator.Value)!.Value
            : 1m;
        var appeal = AppraisalAppeal.File(run, taijiang, CriterionKind.ReportPunctuality,
            "2021年3月、8月两期进展报告已于截止日前通过原政务内网报送，系统迁移后提交时间记录有误，附报送回执。",
            corrected, "台江区改革办联络员", At(2022, 1, 28));
        db.AppraisalAppeals.Add(appeal);
        await db.SaveChangesAsync(cancellationToken);

        appeal.Accept(corrected, "经核对报送回执，情况属实，予以更正。", Office, At(2022, 2, 10));
        var second = run.NextEdition(Office, At(2022, 2, 10));
        run.Supersede();
        var value = second.Values.First(v => v.UnitId == taijiang && v.Kind == CriterionKind.ReportPunctuality);
        value.Raw = corrected;
        value.Note = $"#{appeal.Id}: 经核对报送回执，情况属实，予以更正。";
        second.Score(scheme, units);
        db.AppraisalRuns.Add(second);
        await db.SaveChangesAsync(cancellationToken);
        appeal.NewRunId = second.Id;
        await db.SaveChangesAsync(cancellationToken);

        return $"1 appraisal scheme, the 2021 appraisal of {subjects.Count} districts and counties (2 editions, 1 appeal)";
    }

    private static DateTime At(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);
}
