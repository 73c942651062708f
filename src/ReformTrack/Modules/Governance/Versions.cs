using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal static class Versions
{
    /// <summary>
    /// Marks an entity changed when only its children (clauses, reviews) changed, so its version
    /// (its ETag) moves on and a concurrent edit of the same entity is caught.
    /// </summary>
    public static void MarkChanged<T>(this ReformDbContext db, T entity)
        where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).IsModified = true;
}
