using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

/// <summary>
/// Extension requests: the unit asks for a later due date with a reason; a leader approves (the
/// measure's due date moves, the request keeps the one before) or rejects with a reason.
/// </summary>
internal sealed class ManageExtensions(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ExtensionView>> ListAsync(int? measureId, ExtensionStatus? status,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ExtensionRequests.AsNoTracking();
        if (measureId is { } id)
        {
            query = query.Where(e => e.MeasureId == id);
        }

        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        return await Project(db, query.OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).Take(PageRequest.MaxSize))
            .ToListAsync(cancellationToken);
    }

    public async Task<ExtensionView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.ExtensionRequests.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(cancellationToken)
               ?? throw new NotFound("ExtensionRequest", id);
    }

    public async Task<ExtensionView> RequestAsync(int measureId, DateOnly? requestedDueOn, string? reason, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken)
                      ?? throw new NotFound("Measure", measureId);
        if (measure.Status is not (Ledger.MeasureStatus.Active or Ledger.MeasureStatus.Suspended))
        {
            throw new RuleViolation("ExtensionOnlyForOpenMeasures",
                "Only an active or suspended measure can be given more time.", "measureId");
        }

        if (await db.ExtensionRequests.IgnoreQueryFilters()
                .AnyAsync(e => e.MeasureId == measureId && e.Status == ExtensionStatus.Pending, cancellationToken))
        {
            throw new RuleViolation("OnePendingExtensionPerMeasure",
                "The measure already has a request waiting for a decision.", "measureId");
        }

        var request = ExtensionRequest.Ask(measureId, measure.LeadUnitId, measure.DueOn, requestedDueOn, reason, actor,
            clock.UtcNow());
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(request.Id, cancellationToken);
    }

    public async Task<ExtensionView> DecideAsync(int id, bool approve, string? note, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ExtensionRequests.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                      ?? throw new NotFound("ExtensionRequest", id);
        if (approve)
        {
            var measure = await db.Measures.IgnoreQueryFilters().FirstAsync(m => m.Id == request.MeasureId, cancellationToken);
            request.Approve(actor, note, clock.UtcNow());
            measure.Schedule(measure.StartOn, request.RequestedDueOn);
            measure.UpdatedAt = clock.UtcNow();
        }
        else
        {
            request.Reject(actor, note, clock.UtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private static IQueryable<ExtensionView> Project(ReformDbContext db, IQueryable<ExtensionRequest> query) =>
        query.Select(e => new ExtensionView(
            e.Id,
            e.MeasureId,
            db.Measures.Where(m => m.Id == e.MeasureId).Select(m => m.Code).First(),
            db.Measures.Where(m => m.Id == e.MeasureId).Select(m => m.Title).First(),
            e.UnitId,
            db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).First(),
            e.OriginalDueOn,
            e.RequestedDueOn,
            e.Reason,
            e.RequestedBy,
            e.RequestedAt,
            e.Status,
            e.DecidedBy,
            e.DecidedAt,
            e.DecisionNote,
            e.Version));
}
