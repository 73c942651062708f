using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal enum DocumentKind
{
    Decision,
    Plan,
    SupportingDocument,
    Notice,
}

/// <summary>
/// A policy document. Measures cite one of its numbered clauses, so a clause with no
/// measure behind it shows up as work not yet broken down.
/// </summary>
internal sealed class Document : IVersioned
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public DocumentKind Kind { get; set; }
    public int? ParentId { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int Version { get; set; }
    public List<DocumentClause> Clauses { get; set; } = [];

    public const int NumberMaxLength = 64;
    public const int TitleMaxLength = 300;

    public static Document New(string? number, string? title, DocumentKind? kind, DateOnly? issuedOn)
    {
        var document = new Document { Number = "", Title = "" };
        document.Describe(number, title, kind, issuedOn);
        return document;
    }

    public void Describe(string? number, string? title, DocumentKind? kind, DateOnly? issuedOn)
    {
        Number = Fields.Required(number, NumberMaxLength, "number");
        Title = Fields.Required(title, TitleMaxLength, "title");
        Kind = Fields.Required(kind, "kind");
        IssuedOn = issuedOn;
    }

    /// <summary>
    /// Makes the document a child of <paramref name="parent"/> (or a top document).
    /// <paramref name="parentAncestors"/> are the ids above the parent, nearest first.
    /// </summary>
    public void AttachTo(Document? parent, IReadOnlyCollection<int> parentAncestors)
    {
        if (parent is not null && Id != 0 && (parent.Id == Id || parentAncestors.Contains(Id)))
        {
            throw new RuleViolation("DocumentCannotBeItsOwnAncestor",
                "A document cannot be filed under itself or one of its own supporting documents.", "parentId");
        }

        ParentId = parent?.Id;
    }

    public DocumentClause AddClause(string? text, string field = "text")
    {
        var clause = new DocumentClause
        {
            Number = Clauses.Count == 0 ? 1 : Clauses.Max(c => c.Number) + 1,
            Text = DocumentClause.CheckText(text, field),
        };
        Clauses.Add(clause);
        return clause;
    }

    public DocumentClause ReviseClause(int number, string? text)
    {
        var clause = Clauses.Find(c => c.Number == number) ?? throw new NotFound("Clause", number);
        clause.Text = DocumentClause.CheckText(text, "text");
        return clause;
    }
}

internal sealed class DocumentClause
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }

    public const int TextMaxLength = 2000;

    public static string CheckText(string? text, string field) => Fields.Required(text, TextMaxLength, field);
}
