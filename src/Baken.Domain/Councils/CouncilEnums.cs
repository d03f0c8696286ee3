namespace Baken.Domain.Councils;

public enum CouncilType { Council, Committee }

/// <summary>Full members decide; invited members and agenda members attend for their topics.</summary>
public enum Membership { Member, Invited, AgendaMember }

public enum MeetingStatus { Planned, Held, Cancelled }

public enum ActionStatus { Open, Done, Cancelled }
