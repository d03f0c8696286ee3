using System.CommandLine;
using Baken.Application.Permissions;
using Baken.Application.Users;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Spectre.Console;

namespace Baken.Cli.Commands;

/// <summary>baken user add|list|edit|reset-password|token|tokens|revoke-token|revoke-tokens: accounts with clearance and compartments.</summary>
public static class UserCommands
{
    public static Command Create(CommandIo io)
    {
        var cmd = new Command("user", "Accounts, clearances and compartments");
        cmd.Subcommands.Add(Add(io));
        cmd.Subcommands.Add(List(io));
        cmd.Subcommands.Add(Edit(io));
        cmd.Subcommands.Add(ResetPassword(io));
        cmd.Subcommands.Add(Token(io));
        cmd.Subcommands.Add(Tokens(io));
        cmd.Subcommands.Add(RevokeOne(io));
        cmd.Subcommands.Add(Revoke(io));
        return cmd;
    }

    private static Command Add(CommandIo io)
    {
        var name = new Argument<string>("name");
        var clearance = new Option<string>("--clearance") { Description = "Ongerubriceerd, Dep.V, Stg.C, Stg.G or Stg.ZG", Required = true };
        var compartments = new Option<string?>("--compartments") { Description = "Need-to-know compartments, separated by ';'" };
        var roles = new Option<string?>("--roles") { Description = string.Join(", ", Roles.All) + " (default Analyst)" };
        var password = new Option<string?>("--password") { Description = "Initial password (default: a generated one-time password)" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation code (what 'own organisation' means for a PolicyOwner)" };
        var service = new Option<bool>("--service") { Description = "A service account: no password, nobody signs in; an administrator mints its tokens" };
        var cmd = new Command("add", "Add a user") { name, clearance, compartments, roles, password, organisation, service };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<AddUser>().HandleAsync(new AddUserRequest(parse.GetValue(name)!, parse.GetValue(clearance)!,
                parse.GetValue(compartments), parse.GetValue(roles), parse.GetValue(password), null, parse.GetValue(organisation), parse.GetValue(service)), ct);
            if (!result.IsOk) return io.Fail(result);
            var u = result.Value!;
            await io.Out.WriteLineAsync($"Added {u.UserName}: clearance {u.Clearance}, compartments [{string.Join(";", u.Compartments)}], roles [{string.Join(";", u.Roles)}].");
            if (u.OneTimePassword is { } pw) await io.Out.WriteLineAsync($"One-time password (shown only now): {pw}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command List(CommandIo io)
    {
        var format = ListOutput.FormatOption();
        var cmd = new Command("list", "List users (administrators)") { format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ListUsers>().HandleAsync(ct);
            if (!result.IsOk) return io.Fail(result);
            var list = new ListOutput("user", "clearance", "compartments", "roles");
            foreach (var u in result.Value!) list.Add(u.UserName, u.Clearance, string.Join(";", u.Compartments), string.Join(";", u.Roles));
            // People have always had the table here; scripts ask for csv or json.
            list.Write(io, parse.GetValue(format) ?? "table");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Edit(CommandIo io)
    {
        var name = new Argument<string>("name");
        var clearance = new Option<string>("--clearance") { Description = "Ongerubriceerd, Dep.V, Stg.C, Stg.G or Stg.ZG", Required = true };
        var compartments = new Option<string?>("--compartments") { Description = "The complete new set, separated by ';' (compartments you do not hold stay)" };
        var roles = new Option<string>("--roles") { Description = "The complete new set: " + string.Join(", ", Roles.All), Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation code ('' clears it; default: unchanged)" };
        var cmd = new Command("edit", "Change a user's clearance, compartments, roles and organisation (administrators, within their own clearance and compartments); written to the history") { name, clearance, compartments, roles, organisation };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ManageUsers>().ChangeAccessAsync(new ChangeAccessRequest(parse.GetValue(name)!, parse.GetValue(clearance)!,
                parse.GetValue(compartments), parse.GetValue(roles)!, parse.GetValue(organisation)), ct);
            if (!result.IsOk) return io.Fail(result);
            var u = result.Value!;
            await io.Out.WriteLineAsync($"Changed {u.UserName}: clearance {u.Clearance.DisplayName()}, compartments [{string.Join(";", u.Compartments)}], roles [{string.Join(";", u.Roles)}].");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command ResetPassword(CommandIo io)
    {
        var name = new Argument<string>("name");
        var cmd = new Command("reset-password", "Give a user a new one-time password, to be replaced at the next sign-in; lifts a lockout (administrators)") { name };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ManageUsers>().ResetPasswordAsync(parse.GetValue(name)!, ct);
            if (!result.IsOk) return io.Fail(result);
            await io.Out.WriteLineAsync($"One-time password for {parse.GetValue(name)} (shown only now): {result.Value}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The owner of the tokens, or an administrator within reach (the permission model decides; exit 5 otherwise).</summary>
    private static async Task RequireTokenAccessAsync(CliSession session, string userName, PermissionAction action, CancellationToken ct)
    {
        var access = await session.Get<ApiTokens>().AccessAsync(userName, action, ct);
        if (!access.IsOk) throw new CliException(ExitCodes.For(access.Status), access.Message!);
    }

    private static Command Tokens(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user whose tokens are listed" };
        var format = ListOutput.FormatOption();
        var cmd = new Command("tokens", "List a user's API tokens: name, scopes, expiry and whether revoked (never the token itself)") { name, format };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            await RequireTokenAccessAsync(session, parse.GetValue(name)!, PermissionAction.Read, ct);
            // One line per token, tab-separated, so the id (what revoke-token needs) is never wrapped or cut.
            var tokens = await session.Get<ApiTokens>().ListAsync(parse.GetValue(name)!, ct);
            var list = new ListOutput("id", "name", "scopes", "created", "expires", "state");
            foreach (var t in tokens)
                list.Add(t.Id.ToString(), t.Name, string.Join(";", t.Scopes), $"{t.CreatedAtUtc:yyyy-MM-dd}", t.ExpiresAtUtc is { } x ? $"{x:yyyy-MM-dd}" : "-", t.RevokedAtUtc is not null ? "revoked" : "active");
            if (list.WriteIfAsked(io, parse.GetValue(format))) return ExitCodes.Ok;
            await io.Out.WriteLineAsync("id\tname\tscopes\tcreated\texpires\tstate");
            foreach (var t in tokens)
                await io.Out.WriteLineAsync(string.Join('\t', t.Id, t.Name, string.Join(";", t.Scopes), $"{t.CreatedAtUtc:yyyy-MM-dd}",
                    t.ExpiresAtUtc is { } e ? $"{e:yyyy-MM-dd}" : "-", t.RevokedAtUtc is not null ? "revoked" : "active"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command RevokeOne(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user the token belongs to" };
        var id = new Option<Guid>("--id") { Description = "The token's id (from 'baken user tokens')", Required = true };
        var cmd = new Command("revoke-token", "Revoke one API token; takes effect on every running server at its next request") { name, id };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            await RequireTokenAccessAsync(session, parse.GetValue(name)!, PermissionAction.Delete, ct);
            _ = await session.Get<ApiTokens>().RevokeAsync(parse.GetValue(name)!, parse.GetValue(id), ct)
                ?? throw new CliException(ExitCodes.NotFound, $"'{parse.GetValue(name)}' has no active token {parse.GetValue(id)}.");
            await io.Out.WriteLineAsync($"Revoked token {parse.GetValue(id)} of {parse.GetValue(name)}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Revoke(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user whose API tokens are revoked" };
        var cmd = new Command("revoke-tokens", "Revoke every API token of a user (administrators); takes effect on every running server at its next request") { name };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            await RequireTokenAccessAsync(session, parse.GetValue(name)!, PermissionAction.Delete, ct);
            var count = await session.Get<ApiTokens>().RevokeAllAsync(parse.GetValue(name)!, ct)
                        ?? throw new CliException(ExitCodes.NotFound, $"No user '{parse.GetValue(name)}'.");
            await io.Out.WriteLineAsync($"Revoked {count} token(s) of {parse.GetValue(name)}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Token(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user the token acts for" };
        var label = new Option<string>("--label") { DefaultValueFactory = _ => "cli" };
        var scopes = new Option<string>("--scopes") { Description = "read, write or read;write", DefaultValueFactory = _ => TokenScopes.Read };
        var days = new Option<int?>("--days") { Description = $"Days until the token expires (1-{ApiTokens.MaxDays}; default: {ApiTokens.MaxDays})" };
        var cmd = new Command("token", "Create an API token for yourself (or, as an administrator, for a service account within reach); it is shown once and stored hashed")
            { name, label, scopes, days };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var token = await session.Get<ApiTokens>().CreateAsync(parse.GetValue(name)!, parse.GetValue(label)!, parse.GetValue(scopes), parse.GetValue(days), ct);
            if (!token.IsOk) return io.Fail(token);
            await io.Out.WriteLineAsync(token.Value);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
