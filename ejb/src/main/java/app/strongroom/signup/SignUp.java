package app.strongroom.signup;

import app.strongroom.catalog.Plan;

/** What a company fills in to sign up. The password is a char array so the caller can wipe it afterwards. */
public record SignUp(String companyName, String tenantName, String adminLogin, String email, char[] password, Plan plan) {
    @Override
    public String toString() {
        return "SignUp[" + tenantName + ", " + adminLogin + ", " + plan + "]";
    }
}
