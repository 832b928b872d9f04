package org.caravan.event.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.event.visit.ProgrammeItemKind;

/** An item as a coordinator enters it: start local to the site, the people and teams it needs. */
public record ProgrammeItemRequest(
        @NotBlank @Size(min = 1, max = 200) String title,
        @NotNull ProgrammeItemKind kind,
        @NotNull LocalDateTime startsAt,
        @NotNull @Min(1) @Max(720) Integer durationMinutes,
        @Size(max = 20) List<@NotNull @Valid Need> needs,
        @Min(0) @Max(50) int teamSlots) {

    public record Need(
            @NotBlank @Size(min = 1, max = 100) String role,
            @Size(max = 20) List<@NotBlank @Size(min = 1, max = 50) String> skills,
            @NotNull @Min(1) @Max(500) Integer headcount) {}

    List<StaffingNeed> staffingNeeds() {
        return needs == null
                ? List.of()
                : needs.stream()
                        .map(need -> new StaffingNeed(
                                need.role().strip(),
                                need.skills() == null
                                        ? List.of()
                                        : need.skills().stream()
                                                .map(String::strip)
                                                .toList(),
                                need.headcount()))
                        .toList();
    }
}
