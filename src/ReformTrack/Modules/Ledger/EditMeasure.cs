using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Ledger;

/// <summary>What a measure says and who carries it out, as the office edits it.</summary>
internal sealed record MeasureInput
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? DocumentId { get; init; }
    public int? ClauseId { get; init; }
    public int? ObjectiveId { get; init; }
    public int? LeadUnitId { get; init; }
    public IReadOnlyList<int>? CoUnitIds { get; init; }
    public int? ResponsiblePersonId { get; init; }
    public DateOnly? StartOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary>
/// Creates and edits measures and moves them through their statuses. Every id the input refers
/// to must exist (the broken rule names the field); the measure's own rules do the rest.
/// </summary>
internal sealed class EditMeasure(ScopedDb dbFactory, TimeProvider clock)
{
    public async Task<int> CreateAsync(MeasureInput input, bool activate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = new Measure { Code = "", Title = "" };
        await ApplyAsync(db, measure, input, cancellationToken);
        await dbFactory.CheckLeadUnitAsync(measure.LeadUnitId, cancellationToken);
        if (activate)
        {
            measure.Activate();
        }

        measure.CreatedAt = clock.UtcNow();
        measure.UpdatedAt = measure.CreatedAt;
        db.Measures.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        return measure.Id;
    }

    public async Task UpdateAsync(int id, int expectedVersion, MeasureInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await LoadAsync(db, id, expectedVersion, cancellationToken);
        await ApplyAsync(db, measure, input, cancellationToken);
        await dbFactory.CheckLeadUnitAsync(measure.LeadUnitId, cancellationToken);
        measure.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChangeStatusAsync(int id, int expectedVersion, MeasureStatus? status, string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measure = await LoadAsync(db, id, expectedVersion, cancellationToken);
        measure.ChangeStatus(Fields.Required(status, "status"), reason, clock.Today());
        measure.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Measure> LoadAsync(ReformDbContext db, int id, int expectedVersion,
        CancellationToken cancellationToken)
    {
        var measure = await db.Measures.Include(m => m.CoUnits).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                      ?? throw new NotFound("Measure", id);
        StaleVersion.Check("Measure", id, expectedVersion, measure.Version);
        return measure;
    }

    private static async Task ApplyAsync(ReformDbContext db, Measure measure, MeasureInput input,
        CancellationToken cancellationToken)
    {
        measure.Describe(input.Code, input.Title, input.Description);
        var objectiveId = Fields.Required(input.ObjectiveId, "objectiveId");
        var leadUnitId = Fields.Required(input.LeadUnitId, "leadUnitId");
        var startOn = Fields.Required(input.StartOn, "startOn");
        var dueOn = Fields.Required(input.DueOn, "dueOn");

        await MustExistAsync(db.Objectives.AnyAsync(o => o.Id == objectiveId, cancellationToken), "Objective", objectiveId, "objectiveId");
        await MustExistAsync(db.Units.AnyAsync(u => u.Id == leadUnitId, cancellationToken), "Unit", leadUnitId, "leadUnitId");
        var coUnitIds = (input.CoUnitIds ?? []).Distinct().ToList();
        if (coUnitIds.Count > 0)
        {
            var known = await db.Units.Where(u => coUnitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
            if (coUnitIds.Except(known).FirstOrDefault() is var missing and not 0)
            {
                throw References.Missing("Unit", missing, "coUnitIds");
            }
        }

        if (input.ResponsiblePersonId is { } personId)
        {
            await MustExistAsync(db.People.AnyAsync(p => p.Id == personId, cancellationToken), "Person", personId, "responsiblePersonId");
        }

        if (input.DocumentId is { } documentId)
        {
            await MustExistAsync(db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken), "Document", documentId, "documentId");
        }

        int? clauseDocumentId = null;
        if (input.ClauseId is { } clauseId)
        {
            clauseDocumentId = await db.DocumentClauses.Where(c => c.Id == clauseId).Select(c => (int?)c.DocumentId)
                                   .FirstOrDefaultAsync(cancellationToken)
                               ?? throw References.Missing("DocumentClause", clauseId, "clauseId");
        }

        Assign(measure, input, clauseDocumentId);
    }

    /// <summary>
    /// The measure's own rules over input whose references are known to exist
    /// (<paramref name="clauseDocumentId"/> is the document of the cited clause): also what an
    /// imported ledger row goes through.
    /// </summary>
    public static void Assign(Measure measure, MeasureInput input, int? clauseDocumentId)
    {
        measure.Describe(input.Code, input.Title, input.Description);
        var objectiveId = Fields.Required(input.ObjectiveId, "objectiveId");
        var leadUnitId = Fields.Required(input.LeadUnitId, "leadUnitId");
        var startOn = Fields.Required(input.StartOn, "startOn");
        var dueOn = Fields.Required(input.DueOn, "dueOn");
        measure.Cite(input.DocumentId, input.ClauseId, clauseDocumentId);
        measure.ObjectiveId = objectiveId;
        measure.LeadUnitId = leadUnitId;
        measure.SetCoUnits(input.CoUnitIds ?? []);
        measure.ResponsiblePersonId = input.ResponsiblePersonId;
        measure.Schedule(startOn, dueOn);
        measure.Tag(input.Tags);
    }

    private static async Task MustExistAsync(Task<bool> exists, string entity, int id, string field)
    {
        if (!await exists)
        {
            throw References.Missing(entity, id, field);
        }
    }

}
