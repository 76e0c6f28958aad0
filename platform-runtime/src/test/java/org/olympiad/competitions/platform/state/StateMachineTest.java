package org.olympiad.competitions.platform.state;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineTest {

    enum Light { red, green, yellow, broken }

    private final StateMachine<Light> machine = StateMachine.of("traffic_lights", Light.class)
            .path(Light.red, Light.green, Light.yellow)
            .fromAllExcept(Light.broken, Set.of())
            .build();

    @Test
    void a_listed_move_is_allowed_and_returns_the_new_state() {
        assertThat(machine.require(Light.red, Light.green)).isEqualTo(Light.green);
    }

    @Test
    void a_move_not_in_the_table_is_a_conflict_naming_both_states() {
        assertThatThrownBy(() -> machine.require(Light.yellow, Light.red))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> {
                    var problem = ((IllegalTransitionException) e).problem();
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.currentState()).isEqualTo("yellow");
                    assertThat(problem.requestedState()).isEqualTo("red");
                });
    }

    @Test
    void a_state_without_moves_is_final() {
        assertThat(machine.isFinal(Light.broken)).isTrue();
        assertThat(machine.isFinal(Light.red)).isFalse();
        assertThat(machine.next(Light.green)).containsExactlyInAnyOrder(Light.yellow, Light.broken);
    }
}
