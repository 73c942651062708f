using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed class UpdateDocument(IDbContextFactory<ReformDbContext> dbFactory, GetDocument getDocument)
{
    public async Task<DocumentDetail> RunAsync(int id, int ifMatch, DocumentInput input,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                           ?? throw new NotFound("Document", id);
            StaleVersion.Check("Document", id, ifMatch, document.Version);
            document.Describe(input.Number, input.Title, input.Kind, input.IssuedOn);
            var (parent, ancestors) = await CreateDocument.ParentAsync(db, input.ParentId, cancellationToken);
            document.AttachTo(parent, ancestors);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getDocument.RunAsync(id, cancellationToken);
    }
}
