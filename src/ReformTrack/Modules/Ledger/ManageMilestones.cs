using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>The dated steps of a measure: listed, planned, moved and marked done with evidence.</summary>
internal sealed class ManageMilestones(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<MilestoneView>> ListAsync(int measureId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Measures.AnyAsync(m => m.Id == measureId, cancellationToken))
        {
            throw new NotFound("Measure", measureId);
        }

        var milestones = await db.Milestones.AsNoTracking().Where(s => s.MeasureId == measureId)
            .OrderBy(s => s.DueOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var today = clock.Today();
        return milestones.Select(s => ToView(s, today)).ToList();
    }

    public async Task<MilestoneView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var milestone = await db.Milestones.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                        ?? throw new NotFound("Milestone", id);
        return ToView(milestone, clock.Today());
    }

    public async Task<MilestoneView> AddAsync(int measureId, string? title, DateOnly? dueOn,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken)
                      ?? throw new NotFound("Measure", measureId);
        var milestone = new Milestone { MeasureId = measureId, Title = "" };
        milestone.Plan(title, Fields.Required(dueOn, "dueOn"), measure);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(milestone, clock.Today());
    }

    public async Task<MilestoneView> UpdateAsync(int id, int expectedVersion, string? title, DateOnly? dueOn,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (milestone, measure) = await LoadAsync(db, id, expectedVersion, cancellationToken);
        milestone.Plan(title, Fields.Required(dueOn, "dueOn"), measure);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(milestone, clock.Today());
    }

    public async Task<MilestoneView> MarkDoneAsync(int id, int expectedVersion, DateOnly? doneOn, string? evidence,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (milestone, _) = await LoadAsync(db, id, expectedVersion, cancellationToken);
        var today = clock.Today();
        milestone.MarkDone(doneOn ?? today, evidence, today);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(milestone, today);
    }

    private static async Task<(Milestone, Measure)> LoadAsync(ReformDbContext db, int id, int expectedVersion,
        CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                        ?? throw new NotFound("Milestone", id);
        StaleVersion.Check("Milestone", id, expectedVersion, milestone.Version);
        var measure = await db.Measures.AsNoTracking().FirstAsync(m => m.Id == milestone.MeasureId, cancellationToken);
        return (milestone, measure);
    }

    public static MilestoneView ToView(Milestone s, DateOnly today) =>
        new(s.Id, s.Title, s.DueOn, s.DoneOn, s.Evidence, s.DoneOn is null && s.DueOn < today, s.Version);
}
