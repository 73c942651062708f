using System.Net;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class LedgerMeasureTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private async Task<Dictionary<string, object?>> ValidBodyAsync()
    {
        var (unit, objective) = await _data.AddScopeAsync();
        return new Dictionary<string, object?>
        {
            ["code"] = LedgerTestData.Unique("FZ"),
            ["title"] = "深化营商环境综合改革",
            ["objectiveId"] = objective.Id,
            ["leadUnitId"] = unit.Id,
            ["startOn"] = "2026-03-01",
            ["dueOn"] = "2026-12-31",
        };
    }

    [SkippableFact]
    public async Task Created_measure_is_a_draft_with_location_etag_and_every_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var coUnit = await _data.AddUnitAsync();
        var person = await _data.AddPersonAsync(unit.Id);
        var document = await _data.AddDocumentAsync();
        var code = LedgerTestData.Unique("FZ");

        var response = await client.PostJsonAsync("/api/v1/measures", new
        {
            code,
            title = "推行企业开办一日办结",
            description = "压减环节",
            documentId = document.Id,
            clauseId = document.Clauses[1].Id,
            objectiveId = objective.Id,
            leadUnitId = unit.Id,
            coUnitIds = new[] { coUnit.Id },
            responsiblePersonId = person.Id,
            startOn = "2026-02-01",
            dueOn = "2026-12-31",
            tags = new[] { "营商环境", " 营商环境 ", "数字政府" },
        });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadAsync<MeasureDetail>();
        Assert.Equal($"/api/v1/measures/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(LedgerHttp.ETagFor(created.Version), response.ETag());
        Assert.Equal(MeasureStatus.Draft, created.Status);
        Assert.Equal(code, created.Code);
        Assert.Equal(document.Clauses[1].Id, created.ClauseId);
        Assert.Equal(2, created.ClauseNumber);
        Assert.Equal(coUnit.Id, Assert.Single(created.CoUnits).Id);
        Assert.Equal(person.Id, created.ResponsiblePerson?.Id);
        Assert.Equal(["营商环境", "数字政府"], created.Tags);
        Assert.Equal(new DateOnly(2026, 12, 31), created.DueOn);
        Assert.Contains("\"status\":\"Draft\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await _data.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstAsync(db.Measures, m => m.Id == created.Id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.CreatedAt);
        Assert.Equal(stored.CreatedAt, stored.UpdatedAt);
    }

    [SkippableFact]
    public async Task Measure_created_with_activate_is_active_and_gets_a_light()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        body["activate"] = true;

        var created = await (await client.PostJsonAsync("/api/v1/measures", body)).ReadAsync<MeasureDetail>();

        Assert.Equal(MeasureStatus.Active, created.Status);
        Assert.Equal(Light.Red, created.Light);
        Assert.Equal(89, created.ExpectedProgress);
    }

    [SkippableFact]
    public async Task Get_returns_the_measure_with_its_etag_and_404_for_an_unknown_id()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var created = await (await client.PostJsonAsync("/api/v1/measures", await ValidBodyAsync())).ReadAsync<MeasureDetail>();

        var found = await client.GetAsync($"/api/v1/measures/{created.Id}");
        var missing = await client.GetAsync("/api/v1/measures/999999");

        Assert.Equal(created.Code, (await found.ReadAsync<MeasureDetail>()).Code);
        Assert.Equal(LedgerHttp.ETagFor(created.Version), found.ETag());
        await missing.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("code", "")]
    [InlineData("code", "   ")]
    [InlineData("code", "LONG")]
    [InlineData("title", "")]
    [InlineData("title", "LONG")]
    [InlineData("leadUnitId", 999999)]
    [InlineData("objectiveId", 999999)]
    [InlineData("documentId", 999999)]
    [InlineData("responsiblePersonId", 999999)]
    [InlineData("leadUnitId", null)]
    [InlineData("startOn", null)]
    public async Task Invalid_field_is_named_in_the_400(string field, object? value)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        body[field] = value is "LONG" ? new string('长', 600) : value;

        var response = await client.PostJsonAsync("/api/v1/measures", body);

        await response.AssertFieldErrorAsync(field);
    }

    [SkippableFact]
    public async Task Unknown_co_unit_is_named_in_the_400()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        body["coUnitIds"] = new[] { 999999 };

        var response = await client.PostJsonAsync("/api/v1/measures", body);

        await response.AssertFieldErrorAsync("coUnitIds");
    }

    [SkippableFact]
    public async Task Due_date_must_come_after_the_start()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        body["dueOn"] = "2026-03-01";

        var response = await client.PostJsonAsync("/api/v1/measures", body);

        Assert.Equal("DueDateMustBeAfterStartDate", await response.AssertFieldErrorAsync("dueOn"));
    }

    [SkippableFact]
    public async Task Clause_of_another_document_is_refused()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var document = await _data.AddDocumentAsync();
        var other = await _data.AddDocumentAsync();
        var body = await ValidBodyAsync();
        body["documentId"] = document.Id;
        body["clauseId"] = other.Clauses[0].Id;

        var response = await client.PostJsonAsync("/api/v1/measures", body);

        Assert.Equal("ClauseBelongsToTheCitedDocument", await response.AssertFieldErrorAsync("clauseId"));
    }

    [SkippableFact]
    public async Task Duplicate_code_is_a_conflict_and_adds_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        await (await client.PostJsonAsync("/api/v1/measures", body)).ReadAsync<MeasureDetail>();
        body["title"] = "另一项举措";

        var response = await client.PostJsonAsync("/api/v1/measures", body);

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var code = (string)body["code"]!;
        Assert.Equal(1, await _data.ReadAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Measures, m => m.Code == code)));
    }

    [SkippableFact]
    public async Task Put_with_the_current_etag_edits_fields_and_dates_and_moves_the_etag()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        var created = await client.PostJsonAsync("/api/v1/measures", body);
        var measure = await created.ReadAsync<MeasureDetail>();
        body["title"] = "优化营商环境";
        body["dueOn"] = "2027-06-30";
        body["tags"] = new[] { "改革" };

        var response = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", body, created.ETag());

        var edited = await response.ReadAsync<MeasureDetail>();
        Assert.Equal("优化营商环境", edited.Title);
        Assert.Equal(new DateOnly(2027, 6, 30), edited.DueOn);
        Assert.Equal(["改革"], edited.Tags);
        Assert.Equal(measure.Version + 1, edited.Version);
        Assert.Equal(LedgerHttp.ETagFor(edited.Version), response.ETag());
        var stored = await _data.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstAsync(db.Measures, m => m.Id == measure.Id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.UpdatedAt);
    }

    [SkippableFact]
    public async Task Put_with_a_stale_etag_is_412_and_changes_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        var created = await client.PostJsonAsync("/api/v1/measures", body);
        var measure = await created.ReadAsync<MeasureDetail>();
        body["title"] = "第一次修改";
        await (await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", body, created.ETag())).ReadAsync<MeasureDetail>();
        body["title"] = "过期的修改";

        var response = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", body, created.ETag());

        await response.AssertStatusAsync(HttpStatusCode.PreconditionFailed);
        var now = await (await client.GetAsync($"/api/v1/measures/{measure.Id}")).ReadAsync<MeasureDetail>();
        Assert.Equal("第一次修改", now.Title);
        Assert.Equal(measure.Version + 1, now.Version);
    }

    [SkippableFact]
    public async Task Put_and_status_change_without_if_match_are_428()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await ValidBodyAsync();
        var measure = await (await client.PostJsonAsync("/api/v1/measures", body)).ReadAsync<MeasureDetail>();

        var put = await client.PutJsonAsync($"/api/v1/measures/{measure.Id}", body);
        var status = await client.PostJsonAsync($"/api/v1/measures/{measure.Id}/status", new { status = "Active" });

        await put.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
        await status.AssertStatusAsync(HttpStatusCode.PreconditionRequired);
    }

    [SkippableFact]
    public async Task Put_and_status_change_on_an_unknown_measure_are_404()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.PutJsonAsync("/api/v1/measures/999999", await ValidBodyAsync(), "\"1\"");
        var status = await client.PostJsonAsync("/api/v1/measures/999999/status", new { status = "Active" }, "\"1\"");

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        await status.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Status_moves_through_named_transitions()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/v1/measures", await ValidBodyAsync());
        var id = (await created.ReadAsync<MeasureDetail>()).Id;

        var activated = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Active" }, created.ETag());
        var suspended = await client.PostJsonAsync($"/api/v1/measures/{id}/status",
            new { status = "Suspended", reason = "等待上级批复" }, activated.ETag());
        var resumed = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Active" }, suspended.ETag());
        var completed = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Completed" }, resumed.ETag());

        Assert.Equal(MeasureStatus.Active, (await activated.ReadAsync<MeasureDetail>()).Status);
        var afterSuspend = await suspended.ReadAsync<MeasureDetail>();
        Assert.Equal(MeasureStatus.Suspended, afterSuspend.Status);
        Assert.Equal("等待上级批复", afterSuspend.StatusReason);
        Assert.Equal(MeasureStatus.Active, (await resumed.ReadAsync<MeasureDetail>()).Status);
        var done = await completed.ReadAsync<MeasureDetail>();
        Assert.Equal(MeasureStatus.Completed, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal(LedgerTestData.Today, done.CompletedOn);
    }

    [SkippableFact]
    public async Task Forbidden_transition_and_cancel_without_reason_are_400_and_change_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/v1/measures", await ValidBodyAsync());
        var id = (await created.ReadAsync<MeasureDetail>()).Id;

        var complete = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Completed" }, created.ETag());
        var cancel = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Cancelled" }, created.ETag());
        var unknown = await client.PostJsonAsync($"/api/v1/measures/{id}/status", new { status = "Finished" }, created.ETag());

        Assert.Equal("StatusTransitionNotAllowed", await complete.AssertFieldErrorAsync("status"));
        Assert.Equal("CancelledMeasureNeedsReason", await cancel.AssertFieldErrorAsync("reason"));
        await unknown.AssertFieldErrorAsync("status");
        var now = await client.GetAsync($"/api/v1/measures/{id}");
        Assert.Equal(MeasureStatus.Draft, (await now.ReadAsync<MeasureDetail>()).Status);
        Assert.Equal(created.ETag(), now.ETag());
    }
}

public sealed class SqliteLedgerMeasureTests(SqliteApp app) : LedgerMeasureTests<SqliteApp>(app);

public sealed class PostgresLedgerMeasureTests(PostgresApp app) : LedgerMeasureTests<PostgresApp>(app);
