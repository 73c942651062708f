using ReformTrack.Data;

namespace ReformTrack.Modules.Diffusion;

internal sealed record InnovationInput(string? Title, int? OriginUnitId, DateOnly? FirstIntroducedOn, string? Description,
    string? Evidence, IReadOnlyList<int>? MeasureIds);

internal sealed class CreateInnovation(ScopedDb scopedDb, GetInnovation getInnovation)
{
    public async Task<InnovationDetail> RunAsync(InnovationInput input, CancellationToken cancellationToken = default)
    {
        var innovation = Innovation.New(input.Title, input.OriginUnitId, input.FirstIntroducedOn, input.Description, input.Evidence);
        await using (var db = await scopedDb.CreateDbContextAsync(cancellationToken))
        {
            await DiffusionScope.CheckUnitAsync(db, innovation.OriginUnitId, "originUnitId", required: true, cancellationToken);
            innovation.LinkMeasures(await DiffusionScope.MeasuresAsync(db, input.MeasureIds, cancellationToken));
            db.Innovations.Add(innovation);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getInnovation.RunAsync(innovation.Id, cancellationToken);
    }
}
