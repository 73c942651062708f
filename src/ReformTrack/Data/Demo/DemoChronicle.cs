using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Data;

/// <summary>
/// The chronicle of the demo programme: the events of 2014–2021 that no module records (the reform
/// bodies, the new district, the metropolitan area …), recorded by hand and published, then the
/// derived ones. Pilots, innovations and cases are left to their own module, which derives them.
/// The Decision's key tasks are marked key measures, so completing them enters the chronicle; the
/// commission's founding is derived from its first meeting and corrected to the month the article gives.
/// </summary>
internal sealed class DemoChronicle(DeriveChronicle derive) : IDemoPart
{
    public int Order => 20;

    private sealed record HandRecorded(DateOnly Date, DatePrecision Precision, ChronicleCategory Category, string Title, string Description);

    private static readonly HandRecorded[] Events =
    [
        new(new DateOnly(2015, 1, 1), DatePrecision.Year, ChronicleCategory.Other, "福州新区获批国家级新区",
            "国务院批复设立福州新区，福州进入加快东进南下、沿江向海发展的新阶段。"),
        new(new DateOnly(2018, 12, 1), DatePrecision.Month, ChronicleCategory.Commission, "组建市委全面深化改革委员会，形成“1+10+1”组织架构",
            "按照新一轮机构改革部署，组建市委全面深化改革委员会、10个专项小组和市委改革办，形成“1+10+1”组织架构。"),
        new(new DateOnly(2018, 12, 1), DatePrecision.Month, ChronicleCategory.Commission, "县级改革办在全省率先实现实体化常设",
            "县（市）区委改革办在全省率先实现常设机构设置，构建起系统完备的改革联络工作网络。"),
        new(new DateOnly(2021, 1, 1), DatePrecision.Year, ChronicleCategory.Other, "福州都市圈获批成为全国第二个国家级都市圈",
            "《福州都市圈发展规划》获国家批复，福州都市圈成为全国第二个获批的国家级都市圈。"),
        new(new DateOnly(2021, 7, 1), DatePrecision.Month, ChronicleCategory.Other, "第44届世界遗产大会在福州举办",
            "传承弘扬《〈福州古厝〉序》精神，推动闽都文化创造性转化、创新性发展。"),
    ];

    public async Task<string> SeedAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        foreach (var e in Events)
        {
            db.ChronicleEvents.Add(ChronicleEvent.Record(e.Date, e.Precision, e.Title, e.Category, e.Description, null, true, []));
        }

        var keyMeasures = await MarkKeyMeasuresAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var derived = await derive.RunAsync(db, cancellationToken);
        db.ChangeTracker.Clear();
        await CorrectFoundingAsync(db, cancellationToken);
        await PublishTheDecisionAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return string.Create(CultureInfo.InvariantCulture,
            $"{Events.Length} chronicle events recorded and {derived.Added} derived ({keyMeasures} key measures)");
    }

    /// <summary>For each clause of the Decision, the measure that completed it first is a key measure.</summary>
    private static async Task<int> MarkKeyMeasuresAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var decisionId = await db.Documents.Where(d => d.Number == DemoSeeder.DecisionNumber).Select(d => d.Id).FirstAsync(cancellationToken);
        var completed = await db.Measures
            .Where(m => m.DocumentId == decisionId && m.Status == MeasureStatus.Completed && m.ClauseId != null)
            .ToListAsync(cancellationToken);
        var first = completed.GroupBy(m => m.ClauseId)
            .Select(g => g.OrderBy(m => m.CompletedOn).ThenBy(m => m.Id).First())
            .ToList();
        foreach (var measure in first)
        {
            measure.Tag([.. measure.Tags, LedgerChronicle.KeyTag]);
        }

        return first.Count;
    }

    /// <summary>The article dates the founding to April 2014; the first meeting followed in May.</summary>
    private static async Task CorrectFoundingAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var commissionId = await db.Units.Where(u => u.Code == DemoCatalog.Commission).Select(u => u.Id).FirstAsync(cancellationToken);
        var founding = await db.ChronicleEvents.Include(e => e.Links)
            .FirstAsync(e => e.Key == $"commission-founded:{commissionId}", cancellationToken);
        founding.Describe(new DateOnly(2014, 4, 1), DatePrecision.Month, "福州市委全面深化改革领导小组成立", ChronicleCategory.Commission,
            "按照党的十八届三中全会和中央、省委统一部署，成立市委全面深化改革领导小组，下设办公室和9个专项小组，全面推进改革工作。",
            founding.UnitId, published: true, founding.Links.Select(l => ((string?)l.Kind, (int?)l.TargetId)));
    }

    /// <summary>The Decision and its five supporting documents (the "1+5" system) are public.</summary>
    private static async Task PublishTheDecisionAsync(ReformDbContext db, CancellationToken cancellationToken)
    {
        var documents = await db.Documents
            .Where(d => d.Number == DemoSeeder.DecisionNumber || db.Documents.Any(p => p.Id == d.ParentId && p.Number == DemoSeeder.DecisionNumber))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var keys = documents.Select(id => $"document-passed:{id}").ToList();
        foreach (var entry in await db.ChronicleEvents.Where(e => keys.Contains(e.Key!)).ToListAsync(cancellationToken))
        {
            entry.Publish(true);
        }
    }
}
