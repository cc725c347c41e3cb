package app.strongroom.tenant.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.EmailAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAccountTest {
    private static final EmailAddress EMAIL = new EmailAddress("bob@example.org");

    @Test
    void anInvitedUserCannotSignInUntilTheyChooseAPassword() {
        UserAccount bob = UserAccount.invited("Bob", EMAIL, false);
        assertThat(bob.login()).isEqualTo("bob");
        assertThat(bob.status()).isEqualTo(UserStatus.INVITED);
        assertThat(bob.maySignIn()).isFalse();
        assertThat(bob.passwordHash()).isEmpty();

        bob.choosePassword("$pbkdf2-sha512$1000$c2FsdA$aGFzaA");
        assertThat(bob.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(bob.maySignIn()).isTrue();
    }

    @Test
    void choosingAPasswordOrDeactivatingEndsSessionsButAStrongerHashOfTheSamePasswordDoesNot() {
        UserAccount bob = UserAccount.user("bob", EMAIL, "$pbkdf2-sha512$1000$c2FsdA$aGFzaA");
        long start = bob.sessionEpoch();
        bob.replacePasswordHash("$pbkdf2-sha512$600000$c2FsdA$aGFzaA");
        assertThat(bob.sessionEpoch()).isEqualTo(start);

        assertThat(bob.choosePassword("$pbkdf2-sha512$600000$c2FsdDI$aGFzaDI")).isEqualTo(start + 1);
        bob.deactivate();
        assertThat(bob.sessionEpoch()).isEqualTo(start + 2);
        assertThat(bob.status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(bob.maySignIn()).isFalse();
        bob.deactivate();
        assertThat(bob.sessionEpoch()).as("deactivating twice ends nothing more").isEqualTo(start + 2);

        bob.reactivate();
        assertThat(bob.maySignIn()).isTrue();
        assertThat(bob.sessionEpoch()).as("old sessions stay ended").isEqualTo(start + 2);
    }

    @Test
    void groupsAreExactlyTheAssignedOnes() {
        UserAccount bob = UserAccount.invited("bob", EMAIL, false);
        UserGroup sales = new UserGroup("Sales");
        UserGroup accounting = new UserGroup(" Accounting ");
        bob.assignGroups(List.of(sales, accounting));
        assertThat(bob.groupNames()).containsExactly("Accounting", "Sales");
        bob.assignGroups(List.of(sales));
        assertThat(bob.groupNames()).containsExactly("Sales");
        bob.assignGroups(List.of());
        assertThat(bob.groupNames()).isEmpty();
    }

    @Test
    void aGroupNameStartsWithALetter() {
        assertThatThrownBy(() -> new UserGroup("")).hasMessageContaining("required");
        assertThatThrownBy(() -> new UserGroup("1st floor")).hasMessageContaining("start with a letter");
        assertThatThrownBy(() -> new UserGroup("Sales<script>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new UserGroup("Ventes & Achats".replace("&", "et")).name()).isEqualTo("Ventes et Achats");
    }

    @Test
    void loginsTypedBySomebodyAreParsedNotTrusted() {
        assertThat(UserAccount.parseLogin(" Anna ")).contains("anna");
        assertThat(UserAccount.parseLogin("anna'; drop table")).isEmpty();
        assertThat(UserAccount.parseLogin(null)).isEmpty();
    }
}
