using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Testing;

namespace Baken.Application.Tests.Strategy;

/// <summary>Writes register records through the same use case as the API, CLI and pages.</summary>
internal static class RegisterWrites
{
    public static async Task<Result<RecordView>> Add(TestDatabase database, ICurrentUser user, string kind, string code, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), SaveMode.Create));
    }

    public static async Task<Result<RecordView>> Edit(TestDatabase database, ICurrentUser user, string kind, string code, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), SaveMode.Update));
    }

    public static async Task Ok(Task<Result<RecordView>> write)
    {
        var result = await write;
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.ToString())) + " " + result.Message);
    }
}
