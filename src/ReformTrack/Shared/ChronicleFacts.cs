namespace ReformTrack.Shared;

/// <summary>
/// A module that yields chronicle (大事记) events derived from its records: a document passed at a
/// meeting, a pilot granted, a case awarded, a key measure completed. The chronicle stores each fact
/// once under its <see cref="ChronicleFact.Key"/>, so deriving again adds nothing new.
/// Implementations are registered as <c>IChronicleSource</c> in their module's <c>Add*</c>.
/// </summary>
internal interface IChronicleSource
{
    /// <summary>Every fact the module's records support today (set-based; a few thousand at most).</summary>
    Task<IReadOnlyList<ChronicleFact>> FactsAsync(Data.ReformDbContext db, CancellationToken cancellationToken);
}

/// <param name="Key">Stable and unique across sources, e.g. "document-passed:123", "pilot-granted:7".</param>
/// <param name="Title">The record's own title as data (e.g. the document's title); the UI adds the localized category.</param>
/// <param name="LinkKind">What the event links to: "document", "meeting", "measure", "pilot", "innovation", "case", "unit".</param>
/// <param name="LinkId">The id of that record.</param>
/// <param name="UnitId">The unit the event belongs to, if any (for scope and filters).</param>
internal sealed record ChronicleFact(
    string Key, DateOnly Date, ChronicleCategory Category, string Title, string LinkKind, int LinkId, int? UnitId);

internal enum ChronicleCategory
{
    Commission,
    Document,
    Measure,
    Pilot,
    Innovation,
    Case,
    Other,
}
