using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;

namespace ReformTrack.Data;

/// <summary>
/// The demo's supervision (督办): the daily rules run as of three days before and on the demo day,
/// so items stand at every rung of the ladder; a few items opened by hand by the office and the
/// commission's leader; responses from units, one item closed, and two extension requests
/// (one approved, one pending).
/// </summary>
internal sealed class DemoSupervision : IDemoPart
{
    public int Order => 30;

    private const string Office = "市委改革办 李华";
    private const string Leader = "市委深改委 陈静";

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var asOf = DemoSeeder.AsOf;
        var options = SupervisionOptions.Default;
        var thresholds = LightThresholds.Default;
        // Evaluated 20 and 10 days before the demo day and on it: what has been wrong since then has climbed the ladder.
        foreach (var daysBefore in new[] { 20, 10, 0 })
        {
            var day = asOf.AddDays(-daysBefore);
            await SupervisionRules.EvaluateAsync(db, day, At(day, 6), thresholds, options, force: false, cancellationToken);
            db.ChangeTracker.Clear();
        }

        var gulou = await db.Units.Where(u => u.Code == "FZ-GL").Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(cancellationToken);
        var gulouUnits = gulou is null
            ? []
            : await db.Units.Where(u => u.Path.StartsWith(gulou.Path)).Select(u => u.Id).ToListAsync(cancellationToken);

        // Red measures: by hand, an instruction from the leader and a warning from the office.
        var red = await db.SupervisionItems
            .Where(i => i.Rule == SupervisionRule.Red && i.Status == SupervisionStatus.Open)
            .OrderBy(i => i.MeasureId).Select(i => new { i.MeasureId, i.UnitId }).Take(40).ToListAsync(cancellationToken);
        var byHand = red.Where(r => gulouUnits.Contains(r.UnitId)).Take(1).Concat(red.Take(2)).DistinctBy(r => r.MeasureId).Take(3).ToList();
        var instructions = new[]
        {
            (SupervisionLevel.Instruction, Leader, "请鼓楼区主要领导亲自研究，本月底前拿出追赶进度的具体方案并书面报告。"),
            (SupervisionLevel.Warning, Office, "进度明显滞后，请说明原因并提出整改措施。"),
            (SupervisionLevel.Warning, Office, "请于下周例会前报送最新进展和需要协调解决的问题。"),
        };
        for (var n = 0; n < byHand.Count; n++)
        {
            var (level, who, text) = instructions[n];
            db.SupervisionItems.Add(SupervisionItem.OpenByHand(byHand[n].MeasureId, byHand[n].UnitId, level, text,
                asOf.AddDays(7 + (7 * n)), who, asOf.AddDays(-3 - n)));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Responses: a few automatic items answered, one of them (outside Gulou) closed by the office afterwards.
        var answered = await db.SupervisionItems
            .Where(i => i.Status == SupervisionStatus.Open && i.Rule != SupervisionRule.Manual && i.Level != SupervisionLevel.Reminder)
            .OrderBy(i => i.Id).Take(4).ToListAsync(cancellationToken);
        var responses = new[]
        {
            "已召开专题会议研究，调整了实施计划，预计两周内追回进度。",
            "已补报本月进展，相关材料正在审核。",
            "因上级政策调整导致延误，已申请延期并同步推进前期工作。",
            "已完成整改，相关佐证材料已上传。",
        };
        for (var n = 0; n < answered.Count; n++)
        {
            answered[n].Respond(responses[n], "单位联络员", At(asOf.AddDays(-2), 10 + n));
        }

        if (answered.Count > 0)
        {
            answered[^1].Close(Office, "整改到位，予以销号。", asOf.AddDays(-1));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Extension requests on overdue measures: one approved by the leader, one waiting.
        var overdue = await db.Measures
            .Where(m => m.Status == MeasureStatus.Active && m.DueOn < asOf)
            .OrderBy(m => m.Id).Take(2).ToListAsync(cancellationToken);
        var extensions = 0;
        if (overdue.Count > 0)
        {
            var first = overdue[0];
            var approved = ExtensionRequest.Ask(first.Id, first.LeadUnitId, first.DueOn, asOf.AddMonths(3),
                "涉及跨部门数据共享，需待省级平台上线后完成对接。", "单位联络员", At(asOf.AddDays(-12), 9));
            approved.Approve(Leader, "同意延期至所申请日期，请按新节点推进。", At(asOf.AddDays(-8), 15));
            first.Schedule(first.StartOn, approved.RequestedDueOn);
            db.ExtensionRequests.Add(approved);
            extensions++;
        }

        if (overdue.Count > 1)
        {
            var second = overdue[1];
            db.ExtensionRequests.Add(ExtensionRequest.Ask(second.Id, second.LeadUnitId, second.DueOn, asOf.AddMonths(2),
                "试点范围扩大，需增加一轮评估。", "单位联络员", At(asOf.AddDays(-1), 16)));
            extensions++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var open = await db.SupervisionItems.CountAsync(i => i.Status != SupervisionStatus.Closed, cancellationToken);
        return $"{open} open supervision items, {extensions} extension requests";
    }

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}
